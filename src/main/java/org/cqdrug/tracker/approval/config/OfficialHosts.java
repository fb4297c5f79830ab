package org.cqdrug.tracker.approval.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether an address is at an official host ({@link EvidenceConfig#officialHosts()}): the one test, wherever it runs. */
public final class OfficialHosts {

    /** The host of an http(s) address, read leniently: a path with unencoded Chinese text is still an address. */
    private static final Pattern HOST = Pattern.compile("^[Hh][Tt][Tt][Pp][Ss]?://(?:[^/?#@]*@)?([^/?#:]+)");

    private OfficialHosts() {
    }

    /** The address's host is one of the hosts, or ends in "." and one of them (www.nmpa.gov.cn under gov.cn). */
    public static boolean official(String address, List<String> hosts) {
        if (address == null) {
            return false;
        }
        Matcher matcher = HOST.matcher(address);
        if (!matcher.find()) {
            return false;
        }
        String host = matcher.group(1).toLowerCase(Locale.ROOT);
        return hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }
}
