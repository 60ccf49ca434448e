package dev.umwelt.rosbridge.node.xmlrpc;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlRpcTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void valuesRoundTrip() {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("speed", 0.5);
        struct.put("name", "a <b> & 'c'\r\n\u00e9\uD83D\uDE00");
        struct.put("big", 1L << 40);
        List<Object> params = Arrays.asList(1, -7, true, false, "", "x", 2.25, Double.NaN, Double.NEGATIVE_INFINITY,
                List.of(), List.of(1, List.of("n")), struct, null);
        XmlRpcCall call = XmlRpc.decodeCall(XmlRpc.encodeCall("setParam", params));
        assertEquals("setParam", call.method());
        assertEquals(params.subList(0, 7), call.params().subList(0, 7));
        assertTrue(Double.isNaN((Double) call.params().get(7)));
        assertEquals(Double.NEGATIVE_INFINITY, call.params().get(8));
        assertEquals(params.subList(9, 12), call.params().subList(9, 12));
        assertNull(call.params().get(12));
        byte[] blob = {0, 1, (byte) 0xff};
        assertArrayEquals(blob, (byte[]) XmlRpc.decodeResponse(XmlRpc.encodeResponse(blob)));
    }

    @Test
    void readsPythonStyleDocuments() {
        // As Python's xmlrpc.client / rosmaster write them: newlines, untyped strings, <int> and <i4>, a comment.
        String doc = "<?xml version='1.0'?>\n<!-- rosmaster -->\n<methodResponse>\n<params>\n<param>\n"
                + "<value><array><data>\n<value><int>1</int></value>\n<value><string>ok &amp; &#65;&#x42;</string></value>\n"
                + "<value><array><data>\n<value>  untyped  </value>\n<value><i4> 42 </i4></value>\n"
                + "<value><boolean>1</boolean></value>\n<value><double>-1.5e3</double></value>\n<value><struct>\n"
                + "<member>\n<name>k</name>\n<value><string></string></value>\n</member>\n</struct></value>\n<value/>\n"
                + "<value><string><![CDATA[<raw>]]></string></value>\n</data></array></value>\n</data></array></value>\n"
                + "</param>\n</params>\n</methodResponse>\n";
        Object v = XmlRpc.decodeResponse(b(doc));
        List<?> l = (List<?>) v;
        assertEquals(1, l.get(0));
        assertEquals("ok & AB", l.get(1));
        assertEquals(List.of("  untyped  ", 42, true, -1500.0, Map.of("k", ""), "", "<raw>"), l.get(2));
    }

    @Test
    void faultsBecomeXmlRpcFault() {
        XmlRpcFault f = assertThrows(XmlRpcFault.class, () -> XmlRpc.decodeResponse(XmlRpc.encodeFault(3, "no such method")));
        assertEquals(3, f.code());
        assertEquals("no such method", f.faultString());
    }

    @Test
    void refusesGarbageWithOneClearError() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "empty XML body");
        cases.put("hello", "expected '<'");
        cases.put("<methodCall><methodName>x</methodName>", "unterminated element <methodCall>");
        cases.put("<methodCall><methodName>x</methodNam></methodCall>", "</methodNam> closes <methodName>");
        cases.put("<?xml version='1.0'?><!DOCTYPE foo [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]><methodCall/>", "DOCTYPE");
        cases.put("<methodCall><methodName>&xxe;</methodName></methodCall>", "unknown entity &xxe;");
        cases.put("<methodCall><methodName>m</methodName><params><param><value><int>x1</int></value></param></params></methodCall>",
                "bad <int> value 'x1'");
        cases.put("<methodCall><methodName>m</methodName><params><param><value><boolean>2</boolean></value></param></params></methodCall>",
                "<boolean> must be 0 or 1");
        cases.put("<methodCall><methodName>m</methodName><params><param><value><float>1</float></value></param></params></methodCall>",
                "unknown XML-RPC type <float>");
        cases.put("<methodResponse><params/></methodResponse>", "exactly one param");
        cases.put("<methodCall><methodName>m</methodName></methodCall><extra/>", "content after the root element");
        cases.put("<methodCall>\n<methodName>m</methodName>\n<params><param><value><i4>1</i4><i4>2</i4></value></param></params></methodCall>",
                "line 3");
        cases.put("<methodCall><methodName>m</methodName><params><param><value>" + "<array><data><value>".repeat(40)
                + "</value></data></array>".repeat(40) + "</value></param></params></methodCall>", "nested deeper than 64");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            XmlRpcException e = assertThrows(XmlRpcException.class, () -> {
                if (c.getKey().startsWith("<methodResponse")) XmlRpc.decodeResponse(b(c.getKey()));
                else XmlRpc.decodeCall(b(c.getKey()));
            }, c.getKey());
            assertTrue(e.getMessage().contains(c.getValue()), "for " + c.getKey() + " got: " + e.getMessage());
        }
        assertThrows(XmlRpcException.class, () -> XmlRpc.decodeCall(new byte[] {'<', 'a', '>', (byte) 0xff, '<', '/', 'a', '>'}));
    }

    @Test
    void paramAccessorNamesMethodAndIndex() {
        XmlRpcCall call = new XmlRpcCall("publisherUpdate", List.of("/caller", 5));
        assertEquals("/caller", call.param(0, String.class));
        XmlRpcException e = assertThrows(XmlRpcException.class, () -> call.param(1, String.class));
        assertEquals("publisherUpdate: parameter 1 must be String, got Integer", e.getMessage());
        assertThrows(XmlRpcException.class, () -> call.param(2, List.class));
    }
}
