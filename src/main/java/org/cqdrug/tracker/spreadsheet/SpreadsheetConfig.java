package org.cqdrug.tracker.spreadsheet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Spreadsheet export (CSV and xlsx). */
@ConfigMapping(prefix = "tracker.export")
public interface SpreadsheetConfig {

    /** Rows read per keyset batch, each in a transaction of its own, while streaming a list as CSV or xlsx. */
    @WithDefault("1000")
    int batchSize();
}
