-- Random station-year statistics: GET /api/weather/stats?station_id=S&year=Y
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local common = require("common")

setup = common.setup
init = common.init
done = common.done

request = function()
   local station, year = common.pick()
   return wrk.format("GET", string.format("/api/weather/stats?station_id=%s&year=%d", station, year))
end
