package dev.discard.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Turns a bad command line into one line on stderr and exit code 2, never a usage dump or a stack trace. */
final class UsageErrorHandler implements IParameterExceptionHandler {
    private final Console console;

    UsageErrorHandler(Console console) {
        this.console = console;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String help = cmd.getCommandSpec().qualifiedName() + " --help";
        console.error(ex.getMessage() + " (see '" + help + "')");
        return ExitCode.USAGE;
    }
}
