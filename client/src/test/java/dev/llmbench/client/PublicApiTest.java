package dev.llmbench.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The public API of {@code dev.llmbench.client} and its public subpackages (everything but {@code internal}), read by
 * reflection from the compiled classes, must equal {@code client/api/public-api.txt}: a change to it is then a
 * deliberate, reviewed change of that file. Regenerate the file with
 * {@code mvn -pl client test -Dtest=PublicApiTest -DupdateApi=true}.
 *
 * <p>The file lists each public (or protected) type, sorted by binary name, as a header line (modifiers, kind, name,
 * type parameters, supertypes, permitted subtypes) followed by its declared public and protected fields, constructors
 * and methods, indented and sorted, with generic types in full.
 */
class PublicApiTest {
    static final String ROOT_PACKAGE = "dev.llmbench.client";
    static final String INTERNAL = ROOT_PACKAGE + ".internal";
    static final String UPDATE_PROPERTY = "updateApi";

    @Test
    void thePublicApiIsTheListedOne() throws Exception {
        Path file = apiFile();
        List<String> actual = render(publicTypes());
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.write(file, actual);
            System.out.println("rewrote " + file + " (" + actual.size() + " lines)");
            return;
        }
        List<String> expected = Files.exists(file) ? Files.readAllLines(file) : List.of();
        List<String> diff = diff(expected, actual);
        if (!diff.isEmpty()) {
            fail("The public API of " + ROOT_PACKAGE + " differs from " + file + " (- listed, + compiled):\n"
                    + String.join("\n", diff)
                    + "\n\nIf the change is intended, regenerate the file and commit it with the change:\n"
                    + "    mvn -pl client test -Dtest=PublicApiTest -DupdateApi=true");
        }
    }

    @Test
    void noPublicSignatureMentionsAnInternalType() throws Exception {
        List<String> leaks = render(publicTypes()).stream().filter(l -> l.contains(INTERNAL + ".")).toList();
        assertThat(leaks).as("public signatures naming a type of %s", INTERNAL).isEmpty();
    }

    @Test
    void aChangedSignatureIsReported() throws Exception {
        List<String> actual = render(publicTypes());
        String complete = "  public abstract java.util.concurrent.CompletableFuture<dev.llmbench.client.ChatResponse> "
                + "complete(dev.llmbench.client.ChatRequest)";
        assertThat(actual).contains(complete);
        List<String> changed = new ArrayList<>(actual);
        changed.set(changed.indexOf(complete), complete.replace("complete(dev.llmbench.client.ChatRequest)",
                "complete(dev.llmbench.client.ChatRequest, long)"));
        assertThat(diff(changed, actual)).containsExactly(
                "- dev.llmbench.client.LlmClient: " + changed.get(actual.indexOf(complete)).strip(),
                "+ dev.llmbench.client.LlmClient: " + complete.strip());
        assertThat(diff(actual, actual)).isEmpty();
    }

    @Test
    void theScanSeesEveryPublicPackageAndNoInternalOne() throws Exception {
        Set<String> packages = publicTypes().stream().map(Class::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).containsExactly(ROOT_PACKAGE, ROOT_PACKAGE + ".cache", ROOT_PACKAGE + ".limit",
                ROOT_PACKAGE + ".pricing", ROOT_PACKAGE + ".retry");
    }

    // ---- scanning ----

    /** The compiled classes' root (target/classes), found through a class of the API. */
    static Path classesRoot() throws URISyntaxException {
        Path llmClient = Path.of(LlmClient.class.getResource("LlmClient.class").toURI());
        Path root = llmClient;
        for (int i = 0; i < ROOT_PACKAGE.split("\\.").length + 1; i++) root = root.getParent();
        return root;
    }

    /** client/api/public-api.txt, beside target/. */
    static Path apiFile() throws URISyntaxException {
        return classesRoot().getParent().getParent().resolve("api").resolve("public-api.txt");
    }

    /** Public and protected types (nested ones only when their enclosing types are visible too), by binary name. */
    static List<Class<?>> publicTypes() throws IOException, URISyntaxException {
        Path root = classesRoot();
        Path api = root.resolve(ROOT_PACKAGE.replace('.', '/'));
        Path internal = root.resolve(INTERNAL.replace('.', '/'));
        List<String> names;
        try (Stream<Path> s = Files.walk(api)) {
            names = s.filter(p -> p.toString().endsWith(".class") && !p.startsWith(internal))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replace('\\', '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.endsWith("package-info"))
                    .sorted().toList();
        }
        List<Class<?>> types = new ArrayList<>();
        for (String n : names) {
            Class<?> c;
            try {
                c = Class.forName(n, false, LlmClient.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (visible(c)) types.add(c);
        }
        return types;
    }

    private static boolean visible(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) return false;
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!exposed(k.getModifiers())) return false;
        }
        return true;
    }

    private static boolean exposed(int modifiers) { return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers); }

    // ---- rendering ----

    static List<String> render(List<Class<?>> types) {
        List<String> out = new ArrayList<>();
        for (Class<?> c : types) {
            out.add(header(c));
            TreeSet<String> members = new TreeSet<>();
            for (Field f : c.getDeclaredFields()) {
                if (exposed(f.getModifiers()) && !f.isSynthetic()) {
                    members.add(mods(f.getModifiers() & Modifier.fieldModifiers()) + f.getGenericType().getTypeName() + " " + f.getName());
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (exposed(k.getModifiers()) && !k.isSynthetic()) {
                    members.add(mods(k.getModifiers() & Modifier.constructorModifiers()) + typeParameters(k.getTypeParameters(), true)
                            + c.getSimpleName() + parameters(k));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (exposed(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    members.add(mods(m.getModifiers() & Modifier.methodModifiers()) + (m.isDefault() ? "default " : "")
                            + typeParameters(m.getTypeParameters(), true) + m.getGenericReturnType().getTypeName() + " "
                            + m.getName() + parameters(m));
                }
            }
            for (String m : members) out.add("  " + m);
        }
        return out;
    }

    private static String header(Class<?> c) {
        int mods = c.getModifiers() & Modifier.classModifiers();
        String kind;
        if (c.isAnnotation()) kind = "@interface";
        else if (c.isInterface()) kind = "interface";
        else if (c.isEnum()) kind = "enum";
        else if (c.isRecord()) kind = "record";
        else kind = "class";
        if (c.isInterface()) mods &= ~Modifier.ABSTRACT;
        if (c.isEnum() || c.isRecord()) mods &= ~Modifier.FINAL;
        StringBuilder sb = new StringBuilder(mods(mods));
        if (c.isSealed()) sb.append("sealed ");
        sb.append(kind).append(' ').append(c.getName()).append(typeParameters(c.getTypeParameters(), false));
        Type sup = c.getGenericSuperclass();
        if (sup != null && sup != Object.class && !c.isEnum() && !c.isRecord()) sb.append(" extends ").append(sup.getTypeName());
        Type[] interfaces = c.getGenericInterfaces();
        if (interfaces.length > 0) {
            sb.append(c.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (c.isSealed()) {
            sb.append(" permits ").append(Arrays.stream(c.getPermittedSubclasses()).map(Class::getName).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String parameters(Executable e) {
        String params = Arrays.stream(e.getGenericParameterTypes()).map(Type::getTypeName).collect(Collectors.joining(", "));
        if (e.isVarArgs()) params = params.substring(0, params.length() - 2) + "...";
        Type[] thrown = e.getGenericExceptionTypes();
        String throwsClause = thrown.length == 0 ? ""
                : " throws " + Arrays.stream(thrown).map(Type::getTypeName).sorted().collect(Collectors.joining(", "));
        return "(" + params + ")" + throwsClause;
    }

    private static String typeParameters(TypeVariable<?>[] vars, boolean trailingSpace) {
        if (vars.length == 0) return "";
        String s = Arrays.stream(vars).map(v -> {
            Type[] bounds = v.getBounds();
            boolean plain = bounds.length == 1 && bounds[0] == Object.class;
            return plain ? v.getName() : v.getName() + " extends "
                    + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
        }).collect(Collectors.joining(", ", "<", ">"));
        return trailingSpace ? s + " " : s;
    }

    private static String mods(int modifiers) {
        String s = Modifier.toString(modifiers);
        return s.isEmpty() ? "" : s + " ";
    }

    // ---- comparing ----

    /**
     * The entries only in {@code expected} ({@code "- "}) and only in {@code actual} ({@code "+ "}), each member named
     * with its type; sorted by type, removals before additions.
     */
    static List<String> diff(List<String> expected, List<String> actual) {
        Set<String> e = qualified(expected);
        Set<String> a = qualified(actual);
        TreeMap<String, List<String>> byType = new TreeMap<>();
        for (String x : e) if (!a.contains(x)) byType.computeIfAbsent(typeOf(x), k -> new ArrayList<>()).add("- " + x);
        for (String x : a) if (!e.contains(x)) byType.computeIfAbsent(typeOf(x), k -> new ArrayList<>()).add("+ " + x);
        List<String> out = new ArrayList<>();
        byType.values().forEach(out::addAll);
        return out;
    }

    /** Each line as "type: member", or "type: header" for a type's own line. */
    private static Set<String> qualified(List<String> lines) {
        Set<String> out = new LinkedHashSet<>();
        String type = "?";
        for (String line : lines) {
            if (line.isBlank()) continue;
            if (line.startsWith("  ")) {
                out.add(type + ": " + line.strip());
            } else {
                type = typeName(line);
                out.add(type + ": " + line.strip());
            }
        }
        return out;
    }

    /** The binary name in a header line: the token after the kind. */
    private static String typeName(String header) {
        String[] tokens = header.split(" ");
        for (int i = 0; i < tokens.length - 1; i++) {
            if (Set.of("class", "interface", "enum", "record", "@interface").contains(tokens[i])) {
                String n = tokens[i + 1];
                int generic = n.indexOf('<');
                return generic < 0 ? n : n.substring(0, generic);
            }
        }
        return header;
    }

    private static String typeOf(String qualified) { return qualified.substring(0, qualified.indexOf(": ")); }
}
