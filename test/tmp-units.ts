import { parseUnit, pintName } from '../src/engine/units/unit.js';
for (const u of ['kWh/GB','g/kWh','h/day','GB_ram','TB_stored','kg/TB_stored','W/gpu','cpu_core','%','MB','year','t','occurrence', 'kg', 'bit']) {
  const x = parseUnit(u); console.log(u, x.factor, x.dimension.toBaseString(), pintName(x));
}
