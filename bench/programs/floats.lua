-- Floats: escape-time iterations of z = z*z + c over a 240x160 grid of the complex plane.
local inside, total = 0, 0
for py = 0, 159 do
  local y0 = py * 2.0 / 160 - 1.0
  for px = 0, 239 do
    local x0 = px * 3.0 / 240 - 2.0
    local x, y, i = 0.0, 0.0, 0
    while i < 60 and x * x + y * y <= 4.0 do
      local xt = x * x - y * y + x0
      y = 2.0 * x * y + y0
      x = xt
      i = i + 1
    end
    if i == 60 then inside = inside + 1 end
    total = total + i
  end
end
print(inside .. " " .. total)
