package com.fooddelivery.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the per-request statistics table out of Gatling's HTML report ({@code index.html}) and prints it as
 * tab-separated lines: name, count, KO, requests/s, p50, p95, p99, max. Gatling 3.15 no longer writes its
 * statistics as JSON ({@code js/stats.json} is gone), and the HTML table is where the report keeps them. Columns are
 * found by their header labels, so a Gatling upgrade that changes the table fails here, loudly, in CI's smoke run.
 *
 * <p>Run by {@code infra/load/run} with the test classes only on the class path (JDK classes, no libraries):
 * {@code java -cp infra/load/target/test-classes com.fooddelivery.load.GatlingReportStatistics <index.html>}.
 */
public final class GatlingReportStatistics {

    private static final List<String> COLUMNS =
            List.of("Total", "KO", "Cnt/s", "50th pct", "95th pct", "99th pct", "Max");
    private static final Pattern HEADER =
            Pattern.compile("<th id=\"(col-\\d+)\"[^>]*>\\s*<span>(?:<abbr[^>]*>)?([^<]+)(?:</abbr>)?</span>");
    private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ (col-\\d+)\">([^<]*)</td>");

    private GatlingReportStatistics() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GatlingReportStatistics <Gatling report's index.html>");
        }
        rows(Files.readString(Path.of(args[0]))).forEach(System.out::println);
    }

    /** One tab-separated line per row of the statistics table, "All Requests" first. */
    static List<String> rows(String html) {
        Map<String, String> columnOfLabel = new HashMap<>();
        Matcher header = HEADER.matcher(html);
        while (header.find()) {
            columnOfLabel.put(header.group(2).trim(), header.group(1));
        }
        List<String> columns = new ArrayList<>();
        for (String label : COLUMNS) {
            String column = columnOfLabel.get(label);
            if (column == null) {
                throw new IllegalStateException("Gatling's report has no '" + label + "' column (has "
                        + columnOfLabel.keySet() + "): update GatlingReportStatistics");
            }
            columns.add(column);
        }
        List<String> lines = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(2));
            if (!name.find()) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.put(cell.group(1), cell.group(2).trim());
            }
            StringBuilder line = new StringBuilder(unescape(name.group(1).trim()));
            for (String column : columns) {
                line.append('\t').append(cells.getOrDefault(column, "-"));
            }
            lines.add(line.toString());
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no request rows in the report: update GatlingReportStatistics");
        }
        return lines;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
