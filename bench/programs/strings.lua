-- String building: interpolation of 200k pieces, then one join.
local parts = {}
for i = 0, 200000 - 1 do
  parts[#parts + 1] = i .. "-" .. (i % 7)
end
local s = table.concat(parts, ",")
print(table.concat({#s, parts[12345 + 1], parts[#parts]}, " "))
