// Builds the dashboard's offline base map, web/countries.geojson, from Natural Earth land and
// country borders as packed by world-atlas (TopoJSON), clipped to the region the agreement concerns.
// The border between Ukraine and Russia is left out: Natural Earth's default view draws Crimea
// inside Russia, and the dashboard draws Ukraine's internationally recognised border from
// base-map.geojson instead.
// Run once by hand when the region or the source changes; the output is committed, so neither the
// build nor the browser needs the network:
//   npm pack world-atlas@2.0.2 topojson-client@3.1.0   (then untar each into its own folder)
//   node make-base-map.js WORLD_ATLAS_DIR TOPOJSON_CLIENT_DIR > ../src/main/resources/org/truce/server/web/countries.geojson
"use strict";
const fs = require("fs");
const path = require("path");
const [atlasDir, clientDir] = process.argv.slice(2);
const topojson = require(path.resolve(clientDir, "dist/topojson-client.js"));
const topology = JSON.parse(fs.readFileSync(path.join(atlasDir, "countries-50m.json"), "utf8"));

// West, south, east, north in degrees: Ukraine, the Black Sea and their neighbours.
const BOX = [14, 38, 50, 58];

// Sutherland-Hodgman against one edge of the box at a time; rings stay closed.
function clipRing(ring) {
  const edges = [
    [p => p[0] >= BOX[0], (a, b) => at(a, b, 0, BOX[0])],
    [p => p[0] <= BOX[2], (a, b) => at(a, b, 0, BOX[2])],
    [p => p[1] >= BOX[1], (a, b) => at(a, b, 1, BOX[1])],
    [p => p[1] <= BOX[3], (a, b) => at(a, b, 1, BOX[3])]
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, cross] of edges) {
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) { out.push(cross(prev, cur)); }
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cross(prev, cur));
      }
    }
    pts = out;
    if (pts.length === 0) { return null; }
  }
  const rounded = pts.map(p => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000]);
  const dedup = rounded.filter((p, i) => i === 0 || p[0] !== rounded[i - 1][0] || p[1] !== rounded[i - 1][1]);
  if (dedup.length < 3) { return null; }
  dedup.push(dedup[0]);
  return dedup;
}

function at(a, b, axis, v) {
  const f = (v - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
  p[axis] = v;
  return p;
}

// Lines are cut into the runs of points inside the box (a run keeps one point past each edge).
function clipLine(line) {
  const inBox = p => p[0] >= BOX[0] && p[0] <= BOX[2] && p[1] >= BOX[1] && p[1] <= BOX[3];
  const runs = [];
  let run = [];
  line.forEach((p, i) => {
    const keep = inBox(p) || (i > 0 && inBox(line[i - 1])) || (i + 1 < line.length && inBox(line[i + 1]));
    if (keep) {
      run.push([Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000]);
    } else if (run.length > 0) {
      if (run.length > 1) { runs.push(run); }
      run = [];
    }
  });
  if (run.length > 1) { runs.push(run); }
  return runs;
}

const land = topojson.feature(topology, topology.objects.land);
const landPolygons = [];
for (const f of land.features || [land]) {
  const g = f.geometry;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  for (const poly of polygons) {
    const outer = clipRing(poly[0]);
    if (outer) { landPolygons.push([outer].concat(poly.slice(1).map(clipRing).filter(Boolean))); }
  }
}
const name = o => o.properties.name;
const borders = topojson.mesh(topology, topology.objects.countries, (a, b) => a !== b
  && !([name(a), name(b)].includes("Ukraine") && [name(a), name(b)].includes("Russia")));
const borderLines = [].concat(...borders.coordinates.map(clipLine));

process.stdout.write(JSON.stringify({ type: "FeatureCollection",
  features: [
    { type: "Feature", properties: { kind: "land" }, geometry: { type: "MultiPolygon", coordinates: landPolygons } },
    { type: "Feature", properties: { kind: "border" }, geometry: { type: "MultiLineString", coordinates: borderLines } }
  ] }) + "\n");
