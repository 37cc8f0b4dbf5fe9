package io.hallpass.sample.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an {@link EmbeddedServer} is asked to run: the unchanged WAR at context root {@code /}, a work folder,
 * where to listen, and the context parameters that override the WAR's {@code web.xml}.
 */
public record Deployment(Path war, Path workDir, String host, int port, Map<String, String> contextParameters) {

    public Deployment {
        contextParameters = Map.copyOf(contextParameters);
    }
}
