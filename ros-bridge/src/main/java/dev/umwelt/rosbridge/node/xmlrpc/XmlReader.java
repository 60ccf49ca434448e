package dev.umwelt.rosbridge.node.xmlrpc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small, strict XML reader for XML-RPC bodies. It knows elements, attributes (skipped),
 * character and the five predefined entity references, CDATA, comments and processing
 * instructions. DOCTYPE is refused outright, so there are no DTDs, no external entities and no
 * entity expansion (no XXE, no billion laughs). Depth is bounded, so no stack exhaustion.
 */
final class XmlReader {
    static final int MAX_DEPTH = 64;
    private final String s;
    private int pos;
    private int countedTo;
    private int countedLines = 1;

    private XmlReader(String s) {
        this.s = s;
    }

    /** Parses one document; anything malformed throws {@link XmlRpcException} naming the line. */
    static XmlElement parse(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new XmlRpcException("XML body is not valid UTF-8");
        }
        XmlReader r = new XmlReader(text);
        if (r.s.startsWith("\uFEFF")) r.pos = 1;
        r.skipMisc();
        if (r.pos >= r.s.length()) throw new XmlRpcException("empty XML body");
        if (r.s.charAt(r.pos) != '<') throw r.error("expected '<' at the start of the document");
        XmlElement root = r.element(0);
        r.skipMisc();
        if (r.pos < r.s.length()) throw r.error("content after the root element");
        return root;
    }

    /** Whitespace, comments, processing instructions (the XML declaration); refuses DOCTYPE. */
    private void skipMisc() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') pos++;
            else if (s.startsWith("<?", pos)) skipPast("?>", "processing instruction");
            else if (s.startsWith("<!--", pos)) skipPast("-->", "comment");
            else if (s.startsWith("<!", pos)) throw error("DOCTYPE and DTDs are not accepted");
            else return;
        }
    }

    private void skipPast(String end, String what) {
        int e = s.indexOf(end, pos + 2);
        if (e < 0) throw error("unterminated " + what);
        pos = e + end.length();
    }

    private XmlElement element(int depth) {
        if (depth >= MAX_DEPTH) throw error("elements nested deeper than " + MAX_DEPTH);
        int line = lineAt(pos);
        pos++; // '<'
        String name = name();
        // attributes: name="value" or name='value', skipped
        while (true) {
            skipSpace();
            if (pos >= s.length()) throw error("unterminated start tag <" + name + ">");
            char c = s.charAt(pos);
            if (c == '/') {
                expect("/>");
                return new XmlElement(name, List.of(), "", line);
            }
            if (c == '>') {
                pos++;
                break;
            }
            name();
            skipSpace();
            expect("=");
            skipSpace();
            char q = pos < s.length() ? s.charAt(pos) : 0;
            if (q != '"' && q != '\'') throw error("attribute value must be quoted in <" + name + ">");
            int e = s.indexOf(q, pos + 1);
            if (e < 0) throw error("unterminated attribute value in <" + name + ">");
            pos = e + 1;
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos >= s.length()) throw error("unterminated element <" + name + "> (opened on line " + line + ")");
            char c = s.charAt(pos);
            if (c == '<') {
                if (s.startsWith("</", pos)) {
                    pos += 2;
                    String end = name();
                    if (!end.equals(name)) throw error("</" + end + "> closes <" + name + "> (opened on line " + line + ")");
                    skipSpace();
                    expect(">");
                    return new XmlElement(name, List.copyOf(children), text.toString(), line);
                } else if (s.startsWith("<!--", pos)) {
                    skipPast("-->", "comment");
                } else if (s.startsWith("<![CDATA[", pos)) {
                    int e = s.indexOf("]]>", pos);
                    if (e < 0) throw error("unterminated CDATA section");
                    text.append(s, pos + 9, e);
                    pos = e + 3;
                } else if (s.startsWith("<?", pos)) {
                    skipPast("?>", "processing instruction");
                } else if (s.startsWith("<!", pos)) {
                    throw error("DOCTYPE and DTDs are not accepted");
                } else {
                    children.add(element(depth + 1));
                }
            } else if (c == '&') {
                entity(text);
            } else {
                if (c == '>' && s.startsWith("]]>", pos - 2)) throw error("']]>' in text");
                text.append(c);
                pos++;
            }
        }
    }

    private void entity(StringBuilder out) {
        int e = s.indexOf(';', pos);
        if (e < 0 || e - pos > 12) throw error("unterminated entity reference");
        String ref = s.substring(pos + 1, e);
        switch (ref) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "quot" -> out.append('"');
            case "apos" -> out.append('\'');
            default -> {
                if (!ref.startsWith("#")) throw error("unknown entity &" + ref + "; (DTD entities are not accepted)");
                try {
                    int cp = ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
                    if (!Character.isValidCodePoint(cp)) throw error("invalid character reference &" + ref + ";");
                    out.appendCodePoint(cp);
                } catch (NumberFormatException ex) {
                    throw error("invalid character reference &" + ref + ";");
                }
            }
        }
        pos = e + 1;
    }

    private String name() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':') pos++;
            else break;
        }
        if (pos == start) throw error("expected a name");
        return s.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private void expect(String token) {
        if (!s.startsWith(token, pos)) throw error("expected '" + token + "'");
        pos += token.length();
    }

    /** Positions only move forward, so lines are counted incrementally (linear, not quadratic). */
    private int lineAt(int at) {
        int end = Math.min(at, s.length());
        if (end < countedTo) {
            countedTo = 0;
            countedLines = 1;
        }
        for (; countedTo < end; countedTo++) if (s.charAt(countedTo) == '\n') countedLines++;
        return countedLines;
    }

    private XmlRpcException error(String message) {
        return new XmlRpcException("XML line " + lineAt(pos) + ": " + message);
    }
}
