package dev.umwelt.agent.cli;

/** Input the user can fix (a missing file, an unknown policy): one line, exit code 2. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
