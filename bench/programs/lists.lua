-- Method calls on a list: append, len and index, one million times each.
local xs = {}
local acc = 0
for i = 0, 1000000 - 1 do
  xs[#xs + 1] = i % 1000
  acc = (acc + xs[i // 2 + 1] + #xs) % 1000007
end
print(acc .. " " .. #xs)
