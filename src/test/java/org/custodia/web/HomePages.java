package org.custodia.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the home page's HTML in tests: its text as a user reads it, its links, a work item's or a row's figure. */
final class HomePages {

    private HomePages() {
    }

    /** The visible text: no tags, no scripts, no attributes, entities of the pages decoded. */
    static String text(String html) {
        String body = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<head>.*?</head>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]+>", " ");
        return body.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").trim();
    }

    /** Every same-origin link's path (href starting with a single slash), in page order. */
    static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("<a\\b[^>]*\\bhref=\"(/[^/\"][^\"]*|/)\"").matcher(html);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /** The text of the work item with this id ({@code work-} + id), or null when the page has none. */
    static String workItem(String html, String id) {
        Matcher m = Pattern.compile("(?s)<li id=\"work-" + Pattern.quote(id) + "\"[^>]*>(.*?)</li>").matcher(html);
        return m.find() ? text(m.group(1)) : null;
    }

    /** The first figure in a work item's text ("1.234 remisiones" gives 1234); 0 for "Ninguna …", "No …". */
    static long count(String workItemText) {
        Matcher m = Pattern.compile("\\d[\\d.,]*").matcher(workItemText);
        return m.find() ? Long.parseLong(m.group().replaceAll("[.,]", "")) : 0;
    }

    /** The raw figures of a chart's row whose label is this text, or null when the chart has no such row. */
    static List<String> row(String html, String chartId, String label) {
        Matcher figure = Pattern.compile("(?s)<figure[^>]*id=\"dash-" + Pattern.quote(chartId) + "\".*?</figure>").matcher(html);
        if (!figure.find()) {
            return null;
        }
        Matcher row = Pattern.compile("(?s)<tr[^>]*>\\s*<th scope=\"row\">" + Pattern.quote(label) + "</th>(.*?)</tr>")
                .matcher(figure.group());
        if (!row.find()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        Matcher value = Pattern.compile("data-value=\"([^\"]*)\"").matcher(row.group(1));
        while (value.find()) {
            values.add(value.group(1));
        }
        return values;
    }

    static boolean hasChart(String html, String chartId) {
        return html.contains("id=\"dash-" + chartId + "\"");
    }
}
