package io.hallpass.realm.admin;

import io.hallpass.realm.testing.ScratchDatabase;
import java.nio.file.Path;

/** The admin tool against an H2 file database in a folder of its own (one process at a time: see H2SharingIT). */
class H2AdminToolIT extends AdminToolContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.H2;
    }

    /** A file, not the in-memory database of ScratchDatabase: the tool runs in another process. */
    @Override
    Database freshDatabase() {
        Path folder = AdminProcess.newFolder("h2");
        return new Database("jdbc:h2:file:" + folder.resolve("app"), "sa", "", () -> {
        });
    }

    @Override
    String unreachableUrl() {
        return "jdbc:h2:tcp://127.0.0.1:1/nowhere";
    }
}
