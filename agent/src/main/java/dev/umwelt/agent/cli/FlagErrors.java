package dev.umwelt.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;

/**
 * A command line picocli cannot parse (a value of the wrong type, an unknown or missing option)
 * is one line naming the flag, the value and what is expected, e.g. {@code --seed: 'abc' is not an
 * integer}, then a hint where the usage is; exit 2. The whole usage is printed only on request.
 */
final class FlagErrors {
    private FlagErrors() {}

    /** Number converters whose messages say what was expected in words. */
    static void registerConverters(CommandLine cli) {
        CommandLine.ITypeConverter<Long> longs = FlagErrors::parseLong;
        CommandLine.ITypeConverter<Integer> ints = FlagErrors::parseInt;
        CommandLine.ITypeConverter<Double> doubles = FlagErrors::parseDouble;
        cli.registerConverter(Long.class, longs).registerConverter(Long.TYPE, longs)
                .registerConverter(Integer.class, ints).registerConverter(Integer.TYPE, ints)
                .registerConverter(Double.class, doubles).registerConverter(Double.TYPE, doubles);
    }

    static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not an integer");
        }
    }

    static int parseInt(String text) {
        long v = parseLong(text);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new TypeConversionException(FlagBounds.outside(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        return (int) v;
    }

    static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
    }

    /** picocli's {@code IParameterExceptionHandler}. */
    static int handle(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(line(ex));
        err.println("(see `" + helpCommand(cmd.getCommandSpec()) + "`)");
        err.flush();
        return Umwelt.EXIT_BAD_INPUT;
    }

    private static String line(ParameterException ex) {
        ArgSpec arg = ex.getArgSpec();
        if (ex.getCause() instanceof TypeConversionException t && arg != null) {
            return name(arg) + ": " + t.getMessage();
        }
        return ex.getMessage();
    }

    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec o) return o.longestName();
        if (arg instanceof PositionalParamSpec p) return p.paramLabel();
        return String.valueOf(arg);
    }

    /** {@code umwelt help run} for a command, {@code umwelt ros sim --help} for a command's subcommand. */
    static String helpCommand(CommandSpec spec) {
        CommandSpec parent = spec.parent();
        if (parent == null) return spec.qualifiedName() + " help";
        if (parent.parent() == null) return parent.qualifiedName() + " help " + spec.name();
        return spec.qualifiedName() + " --help";
    }
}
