package dev.umwelt.rosbridge.node.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XML-RPC values, calls and responses. Java values: Integer (int, i4), Long (i8, or an int that
 * does not fit i4), Boolean, String (string and untyped values), Double, byte[] (base64),
 * List (array), Map&lt;String, ?&gt; (struct), null (nil). Decoding is strict: a malformed document or
 * a value of an unknown type throws {@link XmlRpcException} naming the line.
 */
public final class XmlRpc {
    private XmlRpc() {}

    public static byte[] encodeCall(String method, List<?> params) {
        StringBuilder sb = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n<methodCall><methodName>");
        escape(method, sb);
        sb.append("</methodName><params>");
        for (Object p : params) {
            sb.append("<param>");
            value(p, sb);
            sb.append("</param>");
        }
        return sb.append("</params></methodCall>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] encodeResponse(Object result) {
        StringBuilder sb = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n<methodResponse><params><param>");
        value(result, sb);
        return sb.append("</param></params></methodResponse>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] encodeFault(int code, String message) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("faultCode", code);
        fault.put("faultString", message);
        StringBuilder sb = new StringBuilder(256).append("<?xml version=\"1.0\"?>\n<methodResponse><fault>");
        value(fault, sb);
        return sb.append("</fault></methodResponse>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static XmlRpcCall decodeCall(byte[] body) {
        XmlElement root = XmlReader.parse(body);
        if (!root.name().equals("methodCall")) throw new XmlRpcException("expected <methodCall>, got <" + root.name() + ">");
        root.requireNoText();
        XmlElement name = root.child("methodName");
        if (name == null || !name.children().isEmpty() || name.text().isBlank()) {
            throw new XmlRpcException("line " + root.line() + ": <methodCall> without a <methodName>");
        }
        List<Object> params = new ArrayList<>();
        for (XmlElement c : root.children()) {
            if (c.name().equals("methodName")) continue;
            if (!c.name().equals("params")) throw new XmlRpcException("line " + c.line() + ": unexpected <" + c.name() + "> in <methodCall>");
            params.addAll(params(c));
        }
        return new XmlRpcCall(name.text().strip(), params);
    }

    /** The single result of a methodResponse; a fault throws {@link XmlRpcFault}. */
    public static Object decodeResponse(byte[] body) {
        XmlElement root = XmlReader.parse(body);
        if (!root.name().equals("methodResponse")) throw new XmlRpcException("expected <methodResponse>, got <" + root.name() + ">");
        root.requireNoText();
        if (root.children().size() != 1) throw new XmlRpcException("line " + root.line() + ": <methodResponse> must hold <params> or <fault>");
        XmlElement c = root.children().get(0);
        if (c.name().equals("fault")) {
            Object f = value(c.only("value"));
            if (!(f instanceof Map<?, ?> m) || !(m.get("faultCode") instanceof Integer code)) {
                throw new XmlRpcException("line " + c.line() + ": <fault> must be a struct with an int faultCode");
            }
            return throwFault(code, String.valueOf(m.get("faultString")));
        }
        if (!c.name().equals("params")) throw new XmlRpcException("line " + c.line() + ": unexpected <" + c.name() + "> in <methodResponse>");
        List<Object> ps = params(c);
        if (ps.size() != 1) throw new XmlRpcException("line " + c.line() + ": a response holds exactly one param, got " + ps.size());
        return ps.get(0);
    }

    private static Object throwFault(int code, String message) {
        throw new XmlRpcFault(code, message);
    }

    private static List<Object> params(XmlElement params) {
        params.requireNoText();
        List<Object> out = new ArrayList<>();
        for (XmlElement p : params.children()) {
            if (!p.name().equals("param")) throw new XmlRpcException("line " + p.line() + ": expected <param>, got <" + p.name() + ">");
            p.requireNoText();
            out.add(value(p.only("value")));
        }
        return out;
    }

    static Object value(XmlElement v) {
        if (!v.name().equals("value")) throw new XmlRpcException("line " + v.line() + ": expected <value>, got <" + v.name() + ">");
        if (v.children().isEmpty()) return v.text(); // untyped: a string, whitespace kept
        v.requireNoText();
        XmlElement t = v.only(v.children().get(0).name());
        String text = t.text();
        try {
            switch (t.name()) {
                case "int", "i4": leaf(t); return Integer.parseInt(text.strip());
                case "i8": leaf(t); return Long.parseLong(text.strip());
                case "boolean": {
                    leaf(t);
                    String b = text.strip();
                    if (b.equals("1") || b.equals("0")) return b.equals("1");
                    throw new XmlRpcException("line " + t.line() + ": <boolean> must be 0 or 1, got '" + XmlElement.abbreviate(b) + "'");
                }
                case "string": leaf(t); return text;
                case "double": leaf(t); return parseDouble(text.strip());
                case "base64": leaf(t); return Base64.getMimeDecoder().decode(text.strip());
                case "nil": leaf(t); return null;
                case "dateTime.iso8601": leaf(t); return text.strip();
                case "array": {
                    t.requireNoText();
                    XmlElement data = t.only("data");
                    data.requireNoText();
                    List<Object> out = new ArrayList<>(data.children().size());
                    for (XmlElement x : data.children()) out.add(value(x));
                    return out;
                }
                case "struct": {
                    t.requireNoText();
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (XmlElement m : t.children()) {
                        XmlElement name = m.child("name");
                        XmlElement val = m.child("value");
                        if (!m.name().equals("member") || name == null || val == null || m.children().size() != 2) {
                            throw new XmlRpcException("line " + m.line() + ": a struct member needs exactly <name> and <value>");
                        }
                        out.put(name.text(), value(val));
                    }
                    return out;
                }
                default: throw new XmlRpcException("line " + t.line() + ": unknown XML-RPC type <" + t.name() + ">");
            }
        } catch (IllegalArgumentException e) { // NumberFormatException, bad base64
            throw new XmlRpcException("line " + t.line() + ": bad <" + t.name() + "> value '" + XmlElement.abbreviate(text.strip()) + "'");
        }
    }

    private static void leaf(XmlElement t) {
        if (!t.children().isEmpty()) throw new XmlRpcException("line " + t.line() + ": <" + t.name() + "> must not hold elements");
    }

    /** Python writes nan, inf and -inf; Java's parser wants NaN and Infinity. */
    private static double parseDouble(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) throw new NumberFormatException(s);
                yield Double.parseDouble(s);
            }
        };
    }

    static void value(Object o, StringBuilder sb) {
        sb.append("<value>");
        if (o == null) sb.append("<nil/>");
        else if (o instanceof String s) { sb.append("<string>"); escape(s, sb); sb.append("</string>"); }
        else if (o instanceof Integer || o instanceof Short || o instanceof Byte) sb.append("<i4>").append(o).append("</i4>");
        else if (o instanceof Long l) {
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) sb.append("<i4>").append(l).append("</i4>");
            else sb.append("<i8>").append(l).append("</i8>");
        } else if (o instanceof Boolean b) sb.append("<boolean>").append(b ? 1 : 0).append("</boolean>");
        else if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            String t = Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : Double.toString(d);
            sb.append("<double>").append(t).append("</double>");
        } else if (o instanceof byte[] b) sb.append("<base64>").append(Base64.getEncoder().encodeToString(b)).append("</base64>");
        else if (o instanceof List<?> l) {
            sb.append("<array><data>");
            for (Object x : l) value(x, sb);
            sb.append("</data></array>");
        } else if (o instanceof Map<?, ?> m) {
            sb.append("<struct>");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) throw new IllegalArgumentException("XML-RPC struct keys must be strings: " + e.getKey());
                sb.append("<member><name>");
                escape(k, sb);
                sb.append("</name>");
                value(e.getValue(), sb);
                sb.append("</member>");
            }
            sb.append("</struct>");
        } else throw new IllegalArgumentException("no XML-RPC encoding for " + o.getClass().getName());
        sb.append("</value>");
    }

    private static void escape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '\r' -> sb.append("&#13;"); // a raw CR would be normalised away by the reader
                default -> sb.append(c);
            }
        }
    }
}
