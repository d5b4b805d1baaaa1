package vn.neuguong.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import vn.neuguong.bench.client.ApiClient;
import vn.neuguong.bench.demo.DemoSeason;

/** Entry point of {@code ./local.sh demo}: {@code demo [--gateway URL] [--issuer URL] [--year Y] …}. */
public final class Main {

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("demo")) {
            System.err.println("usage: demo [--gateway URL] [--issuer URL] [--year Y] [--communes N] [--members N] [--seed S]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        ApiClient api = new ApiClient(URI.create(options.getOrDefault("gateway", "http://localhost:8080")),
                URI.create(options.getOrDefault("issuer", "http://localhost:8090")));
        int year = Integer.parseInt(options.getOrDefault("year", String.valueOf(DemoSeason.currentYear())));
        DemoSeason season = new DemoSeason(api, year, Integer.parseInt(options.getOrDefault("communes", "3")),
                Integer.parseInt(options.getOrDefault("members", "8")), Long.parseLong(options.getOrDefault("seed", "5")));
        long started = System.nanoTime();
        var tally = season.run();
        System.out.printf("Demo season %d published in %.1f s:%n", year, (System.nanoTime() - started) / 1e9);
        tally.forEach((what, count) -> System.out.printf("  %-40s %6d%n", what, count.get()));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private Main() {
    }
}
