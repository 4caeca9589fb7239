-- Map insert and lookup: 200k string keys, then 200k lookups of which half hit.
local m = {}
for i = 0, 200000 - 1 do
  m["k" .. i] = i * 3
end
local hits, total = 0, 0
for i = 0, 200000 - 1 do
  local key = "k" .. (i * 2)
  local v = m[key]
  if v ~= nil then
    hits = hits + 1
    total = (total + v) % 1000007
  end
end
local size = 0
for _ in pairs(m) do size = size + 1 end
print(table.concat({size, hits, total}, " "))
