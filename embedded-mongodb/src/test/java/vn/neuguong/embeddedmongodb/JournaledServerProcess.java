package vn.neuguong.embeddedmongodb;

import java.nio.file.Path;

/** A journaled server in a process of its own, for the test that kills it. Prints "ready" once it listens. */
public final class JournaledServerProcess {

    private JournaledServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = MongoServer.journaled(Path.of(args[0]), Integer.parseInt(args[1]), 256 * 1024);
        server.start();
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
