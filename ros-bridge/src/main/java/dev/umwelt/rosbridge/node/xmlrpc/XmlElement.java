package dev.umwelt.rosbridge.node.xmlrpc;

import java.util.List;

/**
 * One parsed element: its name, child elements, its own text (entities resolved; text between
 * children concatenated) and the line it started on, for error messages.
 */
record XmlElement(String name, List<XmlElement> children, String text, int line) {
    XmlElement only(String expectedChild) {
        if (children.size() != 1 || !children.get(0).name.equals(expectedChild)) {
            throw new XmlRpcException("line " + line + ": <" + name + "> must hold exactly one <" + expectedChild + ">, found "
                    + children.stream().map(c -> "<" + c.name + ">").toList());
        }
        return children.get(0);
    }

    XmlElement child(String childName) {
        for (XmlElement c : children) if (c.name.equals(childName)) return c;
        return null;
    }

    void requireNoText() {
        if (!text.isBlank()) {
            throw new XmlRpcException("line " + line + ": unexpected text in <" + name + ">: '" + abbreviate(text.strip()) + "'");
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
