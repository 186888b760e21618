// The outline of the band within a distance of a line, on the same sphere as the engine
// (truce-core's Sphere: radius 6,371,008.8 m, edges are great-circle arcs), so that the band drawn
// is the band the engine assesses against. Plain functions, no map library.
(function () {
  "use strict";
  const EARTH_RADIUS_M = 6371008.8;
  const STEP_RAD = Math.PI / 24;   // round caps and joins: a vertex every 7.5 degrees of turn

  function vec(lonLat) {
    const lon = lonLat[0] * Math.PI / 180;
    const lat = lonLat[1] * Math.PI / 180;
    return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
  }

  function lonLat(v) {
    return [Math.atan2(v[1], v[0]) * 180 / Math.PI, Math.atan2(v[2], Math.hypot(v[0], v[1])) * 180 / Math.PI];
  }

  const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
  const scale = (a, k) => [a[0] * k, a[1] * k, a[2] * k];
  const add = (a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
  const unit = a => scale(a, 1 / Math.hypot(a[0], a[1], a[2]));

  // The point at angular distance delta from p in the tangent direction u (u perpendicular to p).
  const offset = (p, u, delta) => add(scale(p, Math.cos(delta)), scale(u, Math.sin(delta)));

  // u turned by psi about p (Rodrigues' formula with u perpendicular to p).
  const turn = (p, u, psi) => add(scale(u, Math.cos(psi)), scale(cross(p, u), Math.sin(psi)));

  // Whether x's foot on the great circle of a->b (pole n) lies on the arc between a and b.
  function footOnArc(x, a, b, n) {
    const foot = unit(add(x, scale(n, -dot(x, n))));
    return dot(cross(a, foot), n) >= -1e-12 && dot(cross(foot, b), n) >= -1e-12;
  }

  // The left side of the path through pts, offset by delta: offsets along each arc's great-circle
  // normal, a round join on the outer side of a turn, the two offsets' crossing on the inner side.
  function leftSide(pts, delta) {
    const poles = [];
    for (let i = 0; i + 1 < pts.length; i++) { poles.push(unit(cross(pts[i], pts[i + 1]))); }
    const out = [offset(pts[0], poles[0], delta)];
    for (let j = 1; j < poles.length; j++) {
      const p = pts[j];
      const n0 = poles[j - 1];
      const n1 = poles[j];
      const angle = Math.atan2(dot(cross(n0, n1), p), dot(n0, n1));
      if (Math.abs(angle) < 1e-9) {
        out.push(offset(p, n1, delta));
      } else if (angle < 0) {
        // A right turn: the left side is the outer one, joined by an arc around p.
        const steps = Math.max(1, Math.ceil(-angle / STEP_RAD));
        for (let s = 0; s <= steps; s++) { out.push(offset(p, turn(p, n0, angle * s / steps), delta)); }
      } else {
        // A left turn: the two offset small circles x.n0 = x.n1 = sin(delta) cross near p.
        const c = Math.sin(delta);
        const k = dot(n0, n1);
        const axis = cross(n0, n1);
        const along = c / (1 + k);
        const gamma = Math.sqrt(Math.max(0, 1 - 2 * c * c / (1 + k)) / dot(axis, axis));
        const x = add(add(scale(n0, along), scale(n1, along)), scale(axis, Math.sign(dot(axis, p)) * gamma));
        if (footOnArc(x, pts[j - 1], p, n0) && footOnArc(x, p, pts[j + 1], n1)) {
          out.push(x);
        } else {
          // Arcs shorter than the corner needs: go round through the line's own vertex.
          out.push(offset(p, n0, delta), p, offset(p, n1, delta));
        }
      }
    }
    out.push(offset(pts[pts.length - 1], poles[poles.length - 1], delta));
    return { points: out, lastPole: poles[poles.length - 1] };
  }

  // Half a circle around the path's end, from its left side to its right side through the front.
  function cap(p, pole, delta) {
    const out = [];
    const steps = Math.ceil(Math.PI / STEP_RAD);
    for (let s = 1; s < steps; s++) { out.push(offset(p, turn(p, pole, -Math.PI * s / steps), delta)); }
    return out;
  }

  /**
   * The closed ring, as [lon, lat] positions, around every point within buffer_m of the line
   * given as [lon, lat] positions: its left side, a cap at its end, its right side back, a cap at
   * its start.
   */
  function outline(lineLonLat, buffer_m) {
    const pts = [];
    lineLonLat.map(vec).forEach(v => {
      if (pts.length === 0 || dot(pts[pts.length - 1], v) < 1 - 1e-15) { pts.push(v); }
    });
    if (pts.length < 2 || !(buffer_m > 0)) { return []; }
    const delta = buffer_m / EARTH_RADIUS_M;
    const back = pts.slice().reverse();
    const there = leftSide(pts, delta);
    const again = leftSide(back, delta);
    const ring = there.points.concat(cap(pts[pts.length - 1], there.lastPole, delta), again.points,
      cap(back[back.length - 1], again.lastPole, delta));
    const positions = ring.map(lonLat);
    positions.push(positions[0]);
    return positions;
  }

  /**
   * The closed ring, as [lon, lat] positions, around every point within buffer_m outside the area
   * bounded by ringLonLat (closed, either orientation): the ring's outer side with its joins.
   */
  function areaOutline(ringLonLat, buffer_m) {
    const pts = [];
    ringLonLat.map(vec).forEach(v => {
      if (pts.length === 0 || dot(pts[pts.length - 1], v) < 1 - 1e-15) { pts.push(v); }
    });
    if (pts.length > 1 && dot(pts[0], pts[pts.length - 1]) >= 1 - 1e-15) { pts.pop(); }
    if (pts.length < 3 || !(buffer_m > 0)) { return []; }
    // Walked counter-clockwise the inside is on the left, so the outside is the left of the ring
    // walked clockwise. The orientation is read from the signed area in degrees, as Zone.Area
    // tests containment.
    let twiceArea = 0;
    for (let i = 0; i < ringLonLat.length - 1; i++) {
      twiceArea += ringLonLat[i][0] * ringLonLat[i + 1][1] - ringLonLat[i + 1][0] * ringLonLat[i][1];
    }
    const clockwise = twiceArea > 0 ? pts.slice().reverse() : pts;
    // Walk once round and on to the second vertex, so that every vertex gets its join.
    const walk = clockwise.concat([clockwise[0], clockwise[1]]);
    const side = leftSide(walk, buffer_m / EARTH_RADIUS_M).points.slice(1);
    const positions = side.map(lonLat);
    positions.push(positions[0]);
    return positions;
  }

  window.TruceBuffer = { outline: outline, areaOutline: areaOutline, EARTH_RADIUS_M: EARTH_RADIUS_M };
})();
