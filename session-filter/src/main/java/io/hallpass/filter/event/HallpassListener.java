package io.hallpass.filter.event;

/**
 * Receives what Hallpass does: sign-ins (with the new-device flag), failures, sign-outs, step-ups, revocations,
 * refusals, purges. Implement it to send a "new sign-in from a new device" email or to feed a SIEM; the filter's own
 * JMX metrics are a listener of the same stream.
 *
 * <p>Found like the risk policy: the classes named by the {@code event-listeners} setting (comma-separated, each with
 * a public no-argument constructor), else every one provided through
 * {@code META-INF/services/io.hallpass.filter.event.HallpassListener}.
 *
 * <pre>{@code
 * public final class NewDeviceMail implements HallpassListener {
 *     private final ExecutorService mail = Executors.newSingleThreadExecutor();
 *
 *     @Override
 *     public void onEvent(HallpassEvent event) {
 *         if (event instanceof HallpassEvent.SignedIn in && in.newDevice()) {
 *             mail.submit(() -> sendNewDeviceMail(in.account(), in.at(), in.clientAddress()));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #onEvent} runs on the request's thread, synchronously, after Hallpass has decided (and usually before
 *       the answer is written): keep it short and hand slow work (mail, network) to an executor of your own.</li>
 *   <li>An exception it throws never changes a response: it is caught, counted ({@code ListenerFailures} in the
 *       metrics) and logged at most once a minute per listener class.</li>
 *   <li>It may be called from many threads at once.</li>
 *   <li>No event carries a session token or a password; an attempt on a username nobody has does not carry the name
 *       either.</li>
 *   <li>A request Hallpass lets through emits nothing.</li>
 * </ul>
 */
@FunctionalInterface
public interface HallpassListener {

    void onEvent(HallpassEvent event);
}
