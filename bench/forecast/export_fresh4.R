# Exports the FOURTH fresh confirmation set ("fresh4") for `npm run bench:forecast`: series from an R
# package no earlier round of the forecast work used or looked at (docs/forecast.md, round 6).
#
# Run: Rscript bench/forecast/export_fresh4.R   (Debian's r-base-core, r-cran-forecast,
# r-cran-dslabs, r-cran-jsonlite)
# Writes bench/forecast/data/fresh4_series.json and fresh4_r_reference.json (same format as the
# other fresh_*.json files); both committed, so the benchmark runs without R.
#
# Selection rule, fixed before any score was computed (same filters as export_fresh3.R):
# - dslabs' gapminder: one yearly series per country and variable (life_expectancy, fertility,
#   population, infant_mortality, gdp);
# - dslabs' us_contagious_diseases: one yearly series per state and disease (count);
# - dslabs' temp_carbon: carbon_emissions (yearly; the anomalies change sign and are dropped by
#   the positivity filter anyway);
# - dslabs' greenhouse_gases: one series per gas (a value every 20 years, treated as yearly);
# - left out: historic_co2 (Mauna Loa's yearly means are the monthly co2 of the 112, aggregated);
# - left out as the same data as a series of an earlier set: any series with a run of 8 consecutive
#   values identical to 8 consecutive values of any series of series.json, fresh_, fresh2_ or
#   fresh3_series.json (train and test), checked here, before any score;
# - kept when all values are positive, not constant, not 0/1 dummies, with at least 20 (yearly)
#   values after na.contiguous, cut to the last 240.
# Protocol as export.R: two origins, h = 6 for yearly series.
source("bench/forecast/export_common.R")
suppressPackageStartupMessages(library(jsonlite))

collector <- new_collector(c("series.json", "fresh_series.json", "fresh2_series.json", "fresh3_series.json"))
add <- collector$add
panel <- function(x, unit, cols, prefix) {
  x <- x[order(x[[unit]], x$year), ]
  for (u in unique(as.character(x[[unit]]))) for (col in cols)
    add(paste(prefix, u, col, sep = "."), x[as.character(x[[unit]]) == u, col], 1)
}
panel(get_data("gapminder", "dslabs"), "country",
      c("life_expectancy", "fertility", "population", "infant_mortality", "gdp"), "gapminder")
d <- get_data("us_contagious_diseases", "dslabs")
d$unit <- paste(d$state, d$disease, sep = ".")
panel(d, "unit", "count", "diseases")
x <- get_data("temp_carbon", "dslabs"); x <- x[order(x$year), ]
add("temp_carbon.carbon_emissions", x$carbon_emissions, 1)
g <- get_data("greenhouse_gases", "dslabs")
panel(g, "gas", "concentration", "greenhouse_gases")
cat(length(collector$candidates), "series;", length(collector$overlapping), "left out as earlier data:",
    collector$overlapping, "\n")

export_set(collector$candidates, "fresh4", "bench/forecast/export_fresh4.R")
