/**
 * A shared location, used once and in memory only, to suggest the nearest city we have
 * content for. The coordinates are never stored or logged.
 */
import type { Content } from '../content/model.ts';
import type { City } from '../content/schema.ts';

/** Further than this from every city we know: do not guess. */
const MAX_KM = 60;

export function nearestCity(content: Content, lat: number, lon: number): City | undefined {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  let best: { city: City; km: number } | undefined;
  for (const city of content.cities) {
    if (city.lat === undefined || city.lon === undefined) continue;
    const km = haversineKm(lat, lon, city.lat, city.lon);
    if (!best || km < best.km) best = { city, km };
  }
  return best && best.km <= MAX_KM ? best.city : undefined;
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}
