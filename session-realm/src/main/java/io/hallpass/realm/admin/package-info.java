/**
 * The administration command line, {@code hallpass-admin.jar}: an operator creates the first account, grants roles,
 * ends sessions, reads the audit trail and prepares the schema on the application's database without writing Java.
 * It uses only the public realm API.
 *
 * <h2>How the pieces fit</h2>
 * <ul>
 *   <li>{@link io.hallpass.realm.admin.HallpassAdmin} is the main class: it silences library logging
 *       ({@code AdminLogging}) and runs an {@code AdminTool} with the real streams, console, environment and
 *       clock.</li>
 *   <li>{@code CommandLine} reads the arguments into an {@code Invocation} of one {@code Command} (a closed set,
 *       with its arguments, options and help) and {@code Option}s; it refuses any password option and never
 *       echoes a word it does not know.</li>
 *   <li>{@code ToolSettings} holds the global options: the database, and the realm settings that must match the
 *       filter's. A {@code Call} opens the realm only when the command first needs it.</li>
 *   <li>The commands ({@code AccountCommands}, {@code RoleCommands}, {@code SessionCommands},
 *       {@code AuditCommands}, {@code SchemaCommands}) print through {@code Output}: a {@code Table} of
 *       {@code Column}s for people, or the same columns as one document written by {@code Json}.</li>
 *   <li>{@code Passwords} reads passwords from the environment, the console ({@code Terminal}) or standard
 *       input; {@code Times} reads durations and instants.</li>
 *   <li>{@code Failure} turns every exception into an {@code Exit} code and one line on standard error.</li>
 * </ul>
 */
package io.hallpass.realm.admin;
