package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter calls nothing beyond Servlet 6.0, checked at compile time: its main sources are compiled again, here,
 * against the class path of the failsafe execution {@code servlet-6.0}, which holds the Servlet 6.0 API jar and no
 * Servlet 6.1 classes. The HTTP suites on Jetty ee10 find a 6.1-only call only if a test reaches it; this finds one
 * anywhere in {@code src/main/java}, as "cannot find symbol". (Adding {@code response.sendRedirect(location, 303)},
 * a 6.1 method, to {@code web/Responder} fails this test.)
 */
class JettyEe10Servlet60ApiIT {

    @Test
    void theClassPathHoldsTheServlet60ApiAndNoServlet61Classes() {
        // sendRedirect(String, int) is new in Servlet 6.1
        assertFalse(Arrays.stream(HttpServletResponse.class.getMethods())
                        .anyMatch(m -> m.getName().equals("sendRedirect") && m.getParameterCount() == 2),
                "this execution must have the Servlet 6.0 API, not 6.1, on its class path");
        assertTrue(classPath().stream().anyMatch(e -> e.contains("jakarta.servlet-api-6.0.")), classPath().toString());
    }

    @Test
    void theFiltersMainSourcesCompileAgainstTheServlet60Api(@TempDir Path out) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<File> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        assertTrue(sources.size() > 50, "the filter's sources were found: " + sources.size());
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-d",
                    out.toString(), "-classpath", String.join(File.pathSeparator, classPath())));
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(sources)).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertEquals("", errors, "the filter uses API beyond Servlet 6.0");
            assertTrue(compiled);
        }
    }

    /**
     * This JVM's class path, with the entries of a manifest-only jar (how failsafe may start the JVM) expanded, and
     * without the filter's own classes (they are what is compiled again).
     */
    private static List<String> classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String more = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (more != null) {
                        for (String url : more.trim().split("\\s+")) {
                            entries.add(Path.of(URI.create(url).isAbsolute() ? URI.create(url)
                                    : Path.of(entry).toAbsolutePath().getParent().toUri().resolve(url)).toString());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return entries.stream().filter(e -> !e.contains("hallpass-session-filter")
                && !Path.of(e).toAbsolutePath().endsWith(Path.of("session-filter", "target", "classes"))).toList();
    }
}
