/**
 * The runnable jar's launcher: {@link io.hallpass.sample.launcher.Main} parses the options, unpacks the WAR and
 * one container's jars from its own jar ({@link io.hallpass.sample.launcher.Bundle}), and starts the container
 * through {@link io.hallpass.sample.launcher.EmbeddedServer} in a class loader of its own. This package uses only
 * the JDK; {@code launcher.tomcat} and {@code launcher.jetty} are packed with their container, never in the WAR.
 */
package io.hallpass.sample.launcher;
