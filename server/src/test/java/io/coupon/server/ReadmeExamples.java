package io.coupon.server;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code curl} examples of the README's shell blocks, in order, each with what its comment says it answers:
 * the text after the first {@code →}, on the command's own line or on the comment lines right below it (indented
 * comment lines continue it). Up to a second {@code →} (which describes some other request), that text gives the
 * status code, the {@code status} or {@code error} word after it, and the {@code "field": value} pairs shown.
 */
final class ReadmeExamples {

    private static final Pattern CODE = Pattern.compile("^\\s*(\\d{3})\\b(?:\\s+([A-Z][A-Z_]+)\\b)?");
    private static final Pattern PAIR = Pattern.compile(
            "\"(\\w+)\"\\s*:\\s*(?:\"([^\"…]*)\"|(true|false|null|-?\\d+(?:\\.\\d+)?)(?![\\w.]))");

    /** A field the answer must hold somewhere, with this value (a JSON string, number, boolean or null). */
    record Field(String name, String text, String literal) {
        boolean isText() {
            return text != null;
        }

        BigDecimal number() {
            return new BigDecimal(literal);
        }
    }

    /** What an example's comment promises: a status code (any 2xx when none is shown), a word, some fields. */
    record Expectation(Optional<Integer> code, Optional<String> word, List<Field> fields) {

        static Expectation of(String comment) {
            int arrow = comment.indexOf('→');
            String text = arrow < 0 ? "" : comment.substring(arrow + 1);
            int next = text.indexOf('→');
            if (next >= 0) {
                text = text.substring(0, next);
            }
            Matcher code = CODE.matcher(text);
            boolean hasCode = code.find();
            List<Field> fields = new ArrayList<>();
            Matcher pair = PAIR.matcher(text);
            while (pair.find()) {
                fields.add(new Field(pair.group(1), pair.group(2), pair.group(3)));
            }
            return new Expectation(hasCode ? Optional.of(Integer.parseInt(code.group(1))) : Optional.empty(),
                    hasCode ? Optional.ofNullable(code.group(2)) : Optional.empty(), List.copyOf(fields));
        }

        boolean accepts(int status) {
            return code.map(c -> c == status).orElse(status >= 200 && status < 300);
        }
    }

    /** One example: the command exactly as the README writes it, its line number, and its comment. */
    record Example(int line, String command, String comment) {
        Expectation expectation() {
            return Expectation.of(comment);
        }

        /** A read, safe to repeat while the system catches up (an issuance finishing, a report filling). */
        boolean isRead() {
            return !command.contains("-X") && !command.contains(" -d ");
        }
    }

    private ReadmeExamples() {
    }

    static List<Example> read(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Example> examples = new ArrayList<>();
        boolean inShell = false;
        StringBuilder command = null;
        int commandLine = 0;
        Example last = null;
        boolean continuing = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inShell = !inShell && line.equals("```sh");
                last = null;
                continue;
            }
            if (!inShell) {
                continue;
            }
            if (command != null) {
                command.append('\n').append(line);
            } else if (line.startsWith("curl ")) {
                command = new StringBuilder(line);
                commandLine = i + 1;
            } else if (last != null && line.startsWith("#") && (line.startsWith("# →") && last.comment().isEmpty()
                    || continuing && line.startsWith("#  "))) {
                last = withComment(examples, last, last.comment() + " " + line.substring(1));
                continuing = true;
                continue;
            } else {
                last = null;
                continue;
            }
            if (open(command)) {
                continue;
            }
            String[] split = splitComment(command.toString());
            last = new Example(commandLine, split[0].strip(), split[1]);
            examples.add(last);
            continuing = !last.comment().isEmpty();
            command = null;
        }
        return examples;
    }

    private static Example withComment(List<Example> examples, Example last, String comment) {
        Example commented = new Example(last.line(), last.command(), comment);
        examples.set(examples.size() - 1, commented);
        return commented;
    }

    /** Whether the command goes on: a single quote still open, or a line ending in a backslash. */
    private static boolean open(StringBuilder command) {
        long quotes = command.chars().filter(c -> c == '\'').count();
        return quotes % 2 == 1 || command.toString().endsWith("\\");
    }

    /** The command and its comment: a {@code #} that starts a word outside single quotes. */
    private static String[] splitComment(String command) {
        boolean quoted = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && i > 0 && Character.isWhitespace(command.charAt(i - 1))) {
                return new String[] {command.substring(0, i), command.substring(i + 1)};
            }
        }
        return new String[] {command, ""};
    }
}
