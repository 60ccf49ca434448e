package dev.umwelt.agent.cli;

import dev.umwelt.episodes.recover.EpisodeRecovery;
import dev.umwelt.episodes.recover.RecoveryOutputException;
import dev.umwelt.episodes.recover.RecoveryReport;
import dev.umwelt.episodes.replay.DamagedEpisodeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Rescues a damaged episode file (killed mid-run, cut short, corrupted chunk) into a valid one:",
                "every message of every chunk whose CRC holds and the metadata are kept, wherever they sit after damage;",
                "channels whose definitions were lost come from the file's summary. What was skipped is reported with",
                "its byte range and reason. FILE is never overwritten.",
                "Exit codes: 0 recovered (possibly nothing), 2 FILE is not an MCAP file or cannot be read, or FILE2",
                "cannot be written (a folder, a missing folder, FILE itself): checked before any work."})
final class RecoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The damaged episode file.")
    Path file;

    @Option(names = "--out", paramLabel = "FILE2", required = true, description = "Where to write the recovered episode file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (Files.isDirectory(file)) throw new BadInputException(file + " is a folder: pass the damaged episode file");
        if (!Files.isRegularFile(file)) throw new BadInputException(file + ": no such file");
        if (!Files.isReadable(file)) throw new BadInputException(file + ": cannot be read (permissions)");
        RecoveryReport r;
        try {
            r = EpisodeRecovery.recover(file, out);
        } catch (DamagedEpisodeException | RecoveryOutputException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Umwelt.EXIT_BAD_INPUT;
        }
        o.println("recovered " + file + " -> " + out);
        for (String line : r.lines()) o.println("  " + line);
        o.flush();
        return Umwelt.EXIT_OK;
    }
}
