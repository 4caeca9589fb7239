-- Integer arithmetic in a 10-million-iteration loop.
local acc = 0
for i = 0, 10000000 - 1 do
  acc = (acc + i * 7 + 3) % 1000007
end
print(acc)
