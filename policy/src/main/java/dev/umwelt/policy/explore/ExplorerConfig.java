package dev.umwelt.policy.explore;

/**
 * The explorer's tuning: what a user may change without touching its logic. {@link #DEFAULTS} are
 * the values the explorer was measured with (policy/README.md); {@code policy/configs/explorer.yaml}
 * spells them out, and {@link ExplorerParams} reads a policy file's {@code params} into one of these,
 * each within its range ({@link ExplorerParams#BOUNDS}). Angles are in degrees, as files write them.
 * Structural constants (grid resolution, FFT size, search steps, emitter heights) stay in code.
 *
 * <p>Driving and planning:
 * @param lookRate          rad/s: the LOOK turn's rate (a 360 degree look-around on the spot)
 * @param lookSpacing       m: object goals LOOK again at a reached frontier only this far from earlier look spots
 * @param rotateInPlace     degrees: heading error above which pure pursuit turns on the spot
 * @param lookaheadBase     m: pure pursuit's lookahead is this plus the clearance beyond the footprint, clamped below
 * @param minLookahead      m: the shortest lookahead (tight places)
 * @param maxLookahead      m: the longest lookahead (open floor)
 * @param fullSpeedClearance m: clearance beyond the footprint at which obstacles no longer slow the robot
 * @param minSpeedScale     fraction of the top speed kept however near the obstacles
 * @param recoverSpeed      m/s: reversing speed when stuck (RECOVER)
 * @param recoverSeconds    s: how long RECOVER reverses
 * @param replanSeconds     s: a route is replanned this often
 * @param offRoute          m: ... or when the robot is this far off it
 * @param stallSeconds      s: stuck = less than {@code stallProgress} of headway in this long while following a route
 * @param stallProgress     m: the headway that counts as progress
 * @param hardMargin        m: clearance beyond the footprint a passable cell needs
 * @param squeezeMargin     m: the same once nothing is reachable at {@code hardMargin} (a gap just wider than the robot)
 * @param preferredMargin   m: beyond the inflation radius (footprint + safety margin), below which a cell costs more (keep to the middle)
 * @param unknownCost       path cost per metre of an unknown cell when approaching a target or a point (free cells cost 1)
 *
 * <p>Where to explore (frontier scores are in path metres, lower is better):
 * @param frontierMinCells  cells: smaller frontier clusters are lidar speckle
 * @param frontierSizeBonus path m per m of frontier length (up to 2 m), also for unviewed floor
 * @param keepRadius        m: a frontier this near the one being driven to counts as the same
 * @param keepBonus         path m: the bonus the current frontier keeps (no dithering)
 * @param turnCost          path m per radian the robot must turn to head for a frontier
 * @param soundPull         path m per m a frontier lies from the fitted sound source (AudioGoal)
 * @param setAsideRadius    m: around a place set aside (stuck on it, looked at), frontiers and unviewed floor are skipped
 * @param retries           times the set-aside places are tried again before giving up
 * @param viewRange         m: how far a camera frame counts floor as seen (object goals)
 * @param viewBorder        degrees: beams this near the image border do not count as seen
 * @param unviewedMinCells  cells: the smallest cluster of unseen floor worth going to
 * @param viewTurnDistance  path m: unseen floor this near is looked at by turning, farther is driven to
 * @param viewTurnSeconds   s: the longest such turn
 *
 * <p>Which object (object goals):
 * @param maxObjectRadius   m: bigger remembered objects are walls or furniture
 * @param maxBoxRadius      m: the same for a box asked for
 * @param minConfidence     memory confidence a confirmed object needs
 * @param wellSeenSightings sightings after which {@code wellSeenConfidence} is enough
 * @param wellSeenConfidence confidence a confirmed object seen {@code wellSeenSightings} times needs
 * @param unsureConfidence  confidence an unsure candidate (shape not read) needs
 * @param unsureSightings   sightings an unsure candidate needs
 * @param confirmRange      m: a confirmed object was seen from at least this far (up close a door jamb reads as a box)
 * @param ambiguousApart    m: two confirmed objects farther apart are ambiguous (noted; the one seen most is taken)
 * @param verifySeconds     s: looking at an unsure object this long without its shape read otherwise takes it as the target
 * @param switchMargin      m: another unsure candidate must be this much nearer to take over
 *
 * <p>Where to stop (distances from the object's surface, a sound fit or a point):
 * @param objectStandoff    m: plan to [r + 0.25, r + this] from a confirmed object's centre
 * @param objectStop        m: STOP within this of its surface, facing it
 * @param facing            degrees: facing = heading at the target within this
 * @param verifyStandoff    m: an unsure object is looked at from [r + 1.3, r + this]
 * @param verifyStop        m: ... within this of its surface
 * @param verifyNearest     m: ... and never nearer than this (up close it overfills the image)
 * @param soundStandoff     m: plan to [0.25, this] from the sound fit
 * @param soundStop         m: STOP within this of a confirmed fit
 * @param pointStop         m: STOP within this of a point goal
 *
 * <p>Sound seeking (AudioGoal; levels in dB). How samples are kept and fitted is the world model's
 * ({@code ToneMap.Settings}: minToneSnr, keepBelowLoudest, inlierDb, wallCapDb, rivalDistance); what
 * the explorer trusts of a fit is here:
 * @param minInliers        inliers a trusted fit needs
 * @param minInlierFraction fraction of the fitted samples that must be inliers
 * @param maxFitCost        the largest mean cost of a trusted fit (dB squared)
 * @param rangeSpan         the inliers' farthest range over their nearest that pins the fit's place
 * @param enclosedGap       degrees: ... or the widest gap between inliers' bearings from the fit, below which they surround it
 * @param rivalRatio        every rival must cost this many times the fit's cost
 * @param rivalMargin       ... and this much more
 * @param minSnrAtOneMetre  dB: the fit's level at 1 m above the noise floor a trusted fit needs (below: heard through a wall)
 * @param orbitRadius       m: an unconfirmed fit is circled at this radius
 * @param orbitSeconds      s: ... for at most this long
 * @param visitedSeconds    s: a visited, unconfirmed fit is set aside this long
 */
public record ExplorerConfig(
        double lookRate, double lookSpacing, double rotateInPlace, double lookaheadBase, double minLookahead,
        double maxLookahead, double fullSpeedClearance, double minSpeedScale, double recoverSpeed, double recoverSeconds,
        double replanSeconds, double offRoute, double stallSeconds, double stallProgress, double hardMargin,
        double squeezeMargin, double preferredMargin, double unknownCost,
        int frontierMinCells, double frontierSizeBonus, double keepRadius, double keepBonus, double turnCost,
        double soundPull, double setAsideRadius, int retries, double viewRange, double viewBorder, int unviewedMinCells,
        double viewTurnDistance, double viewTurnSeconds,
        double maxObjectRadius, double maxBoxRadius, double minConfidence, int wellSeenSightings,
        double wellSeenConfidence, double unsureConfidence, int unsureSightings, double confirmRange,
        double ambiguousApart, double verifySeconds, double switchMargin,
        double objectStandoff, double objectStop, double facing, double verifyStandoff, double verifyStop,
        double verifyNearest, double soundStandoff, double soundStop, double pointStop,
        int minInliers,
        double minInlierFraction, double maxFitCost, double rangeSpan, double enclosedGap,
        double rivalRatio, double rivalMargin, double minSnrAtOneMetre, double orbitRadius, double orbitSeconds,
        double visitedSeconds) {

    /** The values the explorer was measured with (policy/README.md). */
    /** Below the preferred clearance a step costs {@code 1 + 3 (preferred - c) / (preferred - hard)} times its length. */
    static final double CLEARANCE_PENALTY = 3.0;

    public static final ExplorerConfig DEFAULTS = new ExplorerConfig(
            2.2, 3.5, 55, 0.2, 0.25,
            0.6, 0.35, 0.3, 0.15, 0.8,
            1.0, 0.4, 4.0, 0.2, 0.03,
            0.005, 0.2, 2.0,
            4, 0.5, 1.0, 1.5, 0.3,
            0.7, 0.6, 2, 3.5, 6, 80,
            1.5, 3.0,
            0.7, 0.45, 0.5, 20,
            0.1, 0.3, 3, 1.0,
            1.0, 1.5, 1.5,
            0.55, 0.7, 20, 1.8, 1.9,
            1.1, 0.45, 0.5, 0.12,
            8,
            0.6, 2.5, 2.5, 150,
            3, 0.3, 38, 0.9, 15,
            8);

    /** Seconds as nanoseconds, as the explorer's stamps count. */
    static long nanos(double seconds) {
        return Math.round(seconds * 1e9);
    }
}
