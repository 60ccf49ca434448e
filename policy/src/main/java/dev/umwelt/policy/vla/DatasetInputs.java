package dev.umwelt.policy.vla;

import dev.umwelt.bus.observation.Observation;
import dev.umwelt.policy.vla.ModelManifest.Input;
import dev.umwelt.policy.vla.ModelManifest.Source;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.worldmodel.WorldModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's inputs as a dataset stores them ({@code ./umwelt export --inputs FILE}): FILE holds a
 * manifest's {@code inputs} array and its {@code queryRateHz} (validated as in a manifest), and
 * each sample gets, per input, the values {@link ModelInputs} computes for the runtime BEFORE the
 * manifest's normalization, at the ticks where {@link VlaPolicy} would query. Arrays: {@code
 * in_<name>} (camera and belief as uint8 round(255 v), the rest float32) and {@code
 * in_<name>_present} for maskable inputs; episodes/FORMAT.md, "Datasets".
 */
public final class DatasetInputs {
    /** The file's content: a manifest's inputs and query rate. */
    record InputFile(List<Input> inputs, Double queryRateHz) {}

    /** How a column stores its values: unit values as uint8 round(255 v), flags as uint8 0/1, or float32. */
    public enum Storage { UNIT, FLAG, FLOAT32 }

    /** One array of a sample: name, storage, the shape of one sample, what it holds. */
    public record Column(String name, Storage storage, int[] shape, String description) {}

    private final Path file;
    private final ModelManifest spec;
    private final List<Column> columns = new ArrayList<>();

    private DatasetInputs(Path file, ModelManifest spec) {
        this.file = file;
        this.spec = spec;
        for (Input in : spec.inputs()) {
            int[] shape = new int[in.shape().size() - 1];
            for (int d = 1; d < in.shape().size(); d++) shape[d - 1] = Math.toIntExact(in.dim(d));
            boolean u8 = in.sourceKind() == Source.CAMERA || in.sourceKind() == Source.BELIEF;
            columns.add(new Column("in_" + in.name(), u8 ? Storage.UNIT : Storage.FLOAT32, shape, "model input '" + in.name() + "' (source " + in.source()
                    + ") before normalization" + (u8 ? ", round(255 v)" : "") + (in.isMaskable() ? "; zeros when absent" : "")));
            if (in.isMaskable()) {
                columns.add(new Column("in_" + in.name() + "_present", Storage.FLAG, new int[0], "1 where input '" + in.name()
                        + "' was fed (its presence flag '" + in.presenceInput() + "')"));
            }
        }
    }

    /** Reads and checks FILE; a problem is a one-line {@link BadModelException} naming the file and the field. */
    public static DatasetInputs read(Path file) {
        InputFile f = ModelManifest.readJson(file, InputFile.class, "an inputs file");
        ModelManifest spec = new ModelManifest(ModelManifest.FORMAT, "dataset inputs", f.inputs(), null, f.queryRateHz(),
                null, null, null, null, InstructionEncoder.NAME, null, null);
        new ManifestCheck(file, spec).checkInputs();
        return new DatasetInputs(file, spec);
    }

    public Path file() {
        return file;
    }

    public double queryRateHz() {
        return spec.queryRateHz();
    }

    /** The arrays per sample, in file order. */
    public List<Column> columns() {
        return List.copyOf(columns);
    }

    /** The instruction's unit embedding, as the runtime encodes it. */
    public float[] embed(String instruction) {
        return InstructionEncoder.shared().encode(instruction);
    }

    /**
     * Why {@code robot}'s senses cannot feed these inputs, or null: a lidar of another beam count, a
     * camera smaller than the camera input or none (the runtime would feed them as absent throughout).
     */
    public String mismatch(RobotDescription robot) {
        for (Input in : spec.inputs()) {
            if (in.sourceKind() == Source.LIDAR && robot.lidar().beams() != in.dim(in.shape().size() - 1)) {
                return "its robot's lidar has " + robot.lidar().beams() + " beams, input '" + in.name() + "' takes "
                        + in.dim(in.shape().size() - 1);
            }
            if (in.sourceKind() == Source.CAMERA) {
                var cam = robot.cameraSpec();
                if (cam.isEmpty()) return "its robot has no camera, input '" + in.name() + "' takes one";
                if (cam.get().width() < in.dim(3) || cam.get().height() < in.dim(2)) {
                    return "its robot's camera is " + cam.get().width() + "x" + cam.get().height() + ", smaller than input '"
                            + in.name() + "' (" + in.dim(3) + "x" + in.dim(2) + ")";
                }
            }
        }
        return null;
    }

    /** A new episode's builder. */
    public Episode episode() {
        return new Episode();
    }

    /** One episode: the query schedule and the inputs, as the live policy keeps them. */
    public final class Episode {
        private final ModelInputs inputs = new ModelInputs(spec, false);
        private final QuerySchedule schedule = new QuerySchedule(spec.queryRateHz());
        private final float[][] values = new float[columns.size()][];
        private ModelInputs.Instructed instructed;

        private Episode() {}

        /**
         * The tick stamped {@code t} under {@code instruction}, with the world model already updated
         * with its observation: the values of every column when the policy would query here, else
         * null. A new instruction restarts the schedule, as it does live. The arrays are reused.
         */
        public float[][] tick(Observation obs, String instruction, WorldModel world) {
            if (instructed == null || !instructed.text().equals(instruction)) {
                instructed = inputs.instructed(instruction, InstructionEncoder.shared());
                schedule.restart();
            }
            inputs.observe(obs, world);
            if (!schedule.due(obs.stampNanos())) return null;
            Map<String, float[]> fed = inputs.build(obs, instructed, world, world.pose());
            int c = 0;
            for (Input in : spec.inputs()) {
                values[c++] = fed.get(in.name());
                if (in.isMaskable()) values[c++] = fed.get(in.presenceInput());
            }
            return values;
        }
    }
}
