-- Random station-year pages of 50 rows: GET /api/weather?station_id=S&start_date=Y-01-01&end_date=Y-12-31&per_page=50
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local common = require("common")

setup = common.setup
init = common.init
done = common.done

request = function()
   local station, year = common.pick()
   return wrk.format("GET", string.format(
      "/api/weather?station_id=%s&start_date=%d-01-01&end_date=%d-12-31&per_page=50", station, year, year))
end
