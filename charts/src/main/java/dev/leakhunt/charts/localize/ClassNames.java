package dev.leakhunt.charts.localize;

/** Turns JVM descriptors ({@code [B}, {@code [Ljava.lang.String;}) into Java spelling ({@code byte[]}, {@code java.lang.String[]}). */
final class ClassNames {

    private ClassNames() {
    }

    static String readable(String name) {
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return name;
        }
        String element = name.substring(dimensions);
        String base = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "D" -> "double";
            case "F" -> "float";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "Z" -> "boolean";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element;
        };
        return base + "[]".repeat(dimensions);
    }
}
