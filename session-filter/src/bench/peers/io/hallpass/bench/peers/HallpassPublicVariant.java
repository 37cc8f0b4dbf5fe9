package io.hallpass.bench.peers;

/** Hallpass on a public path: the filter runs (firewall, rules, decision) but never looks the session up. */
public final class HallpassPublicVariant extends HallpassVariant {

    @Override
    public String name() {
        return "hallpass-public";
    }

    @Override
    public String path() {
        return "/app/public/hello";
    }

    @Override
    public String expectedBody() {
        return "hello public";
    }

    @Override
    public boolean secured() {
        return false;
    }
}
