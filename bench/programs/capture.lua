-- Closures: make, compose and call 200k closures that capture loop variables, and a counter.
local function adder(n)
  return function(x) return x + n end
end

local function compose(f, g)
  return function(x) return f(g(x)) end
end

local function counter()
  local count = 0
  return function(step)
    count = count + step
    return count
  end
end

local total = 0
local tick = counter()
for i = 0, 200000 - 1 do
  local f = compose(adder(i), adder(i % 7))
  total = (total + f(i)) % 1000007
  tick(i % 3)
end
print(total .. " " .. tick(0))
