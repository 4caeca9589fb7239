-- Closures and higher-order calls: map, filter and sort of 200k items.
local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local function filter(t, f)
  local r, n = {}, 0
  for i = 1, #t do
    if f(t[i]) then n = n + 1; r[n] = t[i] end
  end
  return r
end

local function sorted(t)
  local r = table.move(t, 1, #t, 1, {})
  table.sort(r)
  return r
end

local xs = {}
for i = 0, 200000 - 1 do
  xs[#xs + 1] = (i * 7919) % 200003
end
local k = 5
local ys = map(xs, function(x) return x * 2 + k end)
local zs = filter(ys, function(x) return x % 3 == 0 end)
local s = sorted(zs)
local sum = 0
for i = 1, #s do sum = sum + s[i] end
print(table.concat({sum % 1000007, #s, s[1], s[#s // 2 + 1], s[#s]}, " "))
