-- 06-boundaries.sql — importing ward boundaries from an ONS GeoJSON file
--
-- fh.read_ward_boundaries(geojson text, code_property text) checks a GeoJSON
-- FeatureCollection of ward boundaries (WGS84 longitude/latitude, one Polygon
-- or MultiPolygon per ward, as the ONS Open Geography Portal publishes them)
-- against the wards in fh.ward and returns one (ward_code, boundary) row per
-- feature, or raises an error that names the ward and the reason.
-- fh.import_ward_boundaries(geojson, code_property) stores what it returns in
-- fh.ward.boundary in one statement: a bad file changes nothing.
--
-- The ward code is read from the property named by code_property; when that
-- is NULL, from "ward_code" or else an ONS ward code property (WD23CD, WD22CD,
-- …, any case). A property that names the local authority (LAD23CD …) is
-- refused: it cannot say which ward a feature is.
--
-- What is refused, with the feature and the ward: a "crs" other than WGS84
-- (British National Grid, EPSG:27700, is named as such), coordinates outside
-- longitude/latitude ranges (eastings and northings, huge numbers), anything
-- that is not a number pair, rings with fewer than four points, rings that
-- are not closed, rings with no area, empty parts, duplicate and unknown
-- codes, authority codes, and geometry in the wrong place: a ward whose
-- stored centroid (fh.ward.centroid_lon/lat) is far outside it, a ward that
-- also covers the stored centroid of another ward of its authority, a ward
-- outside the area of its authority's centroids, and longitude and latitude
-- given in swapped order.
--
-- Run by build-aux/fh-import-boundaries.sh as the owner; not callable by
-- fh_reader or fh_manager.


-- The elements of a JSON array, numbered from 1: jsonb_array_elements with
-- the planner told that arrays are short (it assumes 100 rows a call, which
-- nested four deep makes plans for 10^8 points and costs milliseconds).
CREATE OR REPLACE FUNCTION fh.boundary_items(p_array jsonb)
RETURNS TABLE (item jsonb, ord bigint)
LANGUAGE sql IMMUTABLE STRICT ROWS 8
SET search_path = pg_catalog, fh, pg_temp
AS $fn$
  SELECT value, ordinality FROM jsonb_array_elements(p_array) WITH ORDINALITY
$fn$;

CREATE OR REPLACE FUNCTION fh.read_ward_boundaries(p_geojson text, p_code_property text DEFAULT NULL)
RETURNS TABLE (ward_code text, boundary jsonb)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, fh, pg_temp
SET jit = off   -- the planner cannot size JSON arrays; compiling would cost seconds
AS $fn$
#variable_conflict use_column
DECLARE
  doc        jsonb;
  crs        text;
  prop       text;
  keys       text[];
  other      text;
  bad        record;
  unmatched  text[];
  convert    constant text :=
    ' Download the GeoJSON file from the ONS Open Geography Portal, which is in WGS84, or convert'
    ' this one: ogr2ogr -t_srs EPSG:4326 wards-wgs84.geojson FILE (GDAL, package gdal-bin).';
BEGIN
  IF p_geojson IS NULL THEN
    RAISE EXCEPTION 'The boundary file is empty.' USING ERRCODE = '22023';
  END IF;
  BEGIN
    doc := ltrim(p_geojson, U&'\FEFF')::jsonb;   -- a byte-order mark, as some Windows tools write
  EXCEPTION WHEN others THEN
    GET STACKED DIAGNOSTICS other = PG_EXCEPTION_DETAIL;
    RAISE EXCEPTION '%', format('The boundary file is not valid JSON (%s%s).%s', left(SQLERRM, 200),
      CASE WHEN coalesce(other, '') = '' THEN '' ELSE ': ' || rtrim(left(other, 200), '.') END,
      CASE WHEN other ~* 'token "-?(nan|inf)' THEN ' JSON has no NaN or Infinity: the file''s coordinates are broken.'
           WHEN SQLSTATE = '54001' THEN ' The file nests lists far more deeply than GeoJSON needs.'
           ELSE '' END)
      USING ERRCODE = '22023';
  END;

  IF jsonb_typeof(doc) <> 'object' OR doc->>'type' IS DISTINCT FROM 'FeatureCollection' THEN
    RAISE EXCEPTION 'The boundary file is not a GeoJSON FeatureCollection.'
      USING ERRCODE = '22023';
  END IF;
  IF jsonb_typeof(doc->'features') IS DISTINCT FROM 'array' THEN
    RAISE EXCEPTION 'The boundary file has no features.' USING ERRCODE = '22023';
  END IF;
  IF jsonb_array_length(doc->'features') = 0 THEN
    RAISE EXCEPTION 'The boundary file has no features.' USING ERRCODE = '22023';
  END IF;

  -- The coordinate system. RFC 7946 GeoJSON has no "crs" and is WGS84; older
  -- files name it. British National Grid is what ONS also publishes.
  IF jsonb_typeof(doc->'crs') IS NOT NULL AND jsonb_typeof(doc->'crs') <> 'null' THEN
    crs := left(coalesce(doc->'crs'->'properties'->>'name', doc->'crs'->'properties'->>'href',
                         (doc->'crs')::text), 120);
    IF crs ~* '27700|OSGB|British.National.Grid' THEN
      RAISE EXCEPTION 'The boundary file is in British National Grid (EPSG:27700; its "crs" is "%"), not WGS84 longitude/latitude.%',
        crs, convert USING ERRCODE = '22023';
    ELSIF crs !~* '^(urn:ogc:def:crs:OGC:(1\.3)?:CRS84|urn:ogc:def:crs:EPSG:[0-9.]*:4326|EPSG:4326|CRS84|WGS ?84)$' THEN
      RAISE EXCEPTION 'The boundary file uses the coordinate system "%", not WGS84 longitude/latitude (EPSG:4326).%',
        crs, convert USING ERRCODE = '22023';
    END IF;
  END IF;

  -- The property that holds the ward code.
  SELECT array_agg(DISTINCT k) INTO keys
    FROM jsonb_array_elements(doc->'features') f,
         jsonb_object_keys(CASE WHEN jsonb_typeof(f.value->'properties') = 'object'
                                THEN f.value->'properties' ELSE '{}'::jsonb END) k;
  IF p_code_property IS NOT NULL THEN
    IF btrim(p_code_property) = '' THEN
      RAISE EXCEPTION 'The code property name is empty.' USING ERRCODE = '22023';
    END IF;
    prop := p_code_property;
  ELSE
    SELECT k INTO prop FROM unnest(keys) k WHERE lower(k) = 'ward_code' ORDER BY k LIMIT 1;
    IF prop IS NULL THEN
      -- WD23CD before WD22CD; years 00–49 are this century.
      SELECT k INTO prop FROM unnest(keys) k WHERE k ~* '^WD[0-9]{2}CD$'
       ORDER BY CASE WHEN substr(k, 3, 2)::int < 50 THEN 2000 ELSE 1900 END + substr(k, 3, 2)::int DESC, k
       LIMIT 1;
    END IF;
  END IF;
  IF prop ~* '^(LAD|LTLA|UTLA|CTYUA|CTY|CMLAD|RGN|CTRY|PCON|MSOA|LSOA|OA)[0-9]{2}(CD|NM)$' THEN
    RAISE EXCEPTION 'The property "%" names the local authority or another area, not the ward: a ward boundary file has a ward code property such as WD23CD (or ward_code).',
      prop USING ERRCODE = '22023';
  END IF;
  IF prop IS NULL THEN
    SELECT k INTO other FROM unnest(keys) k
     WHERE k ~* '^(LAD|LTLA|UTLA|CTYUA|CTY|CMLAD)[0-9]{2}CD$' ORDER BY k LIMIT 1;
    IF other IS NOT NULL THEN
      RAISE EXCEPTION 'The boundary file has no "ward_code" property or ONS ward code property (WD23CD …): its "%" property names the local authority, not the ward. Download ward boundaries (Wards … Boundaries), or name the ward code property with --code-property NAME.',
        other USING ERRCODE = '22023';
    END IF;
    RAISE EXCEPTION 'Feature 1 has no "ward_code" property, nor an ONS ward code property such as WD23CD (the features have: %). Name the property that holds the ward code with --code-property NAME.',
      coalesce(left(array_to_string(keys, ', '), 200), 'no properties') USING ERRCODE = '22023';
  END IF;

  -- 1. Each feature: a Feature with a code and a Polygon or MultiPolygon.
  SELECT * INTO bad FROM (
    SELECT f.i, CASE WHEN jsonb_typeof(f.feat->'properties'->prop) = 'string'
                     THEN left(btrim(f.feat->'properties'->>prop), 40) END AS code,
           CASE
             WHEN jsonb_typeof(f.feat) <> 'object' THEN 'is not a GeoJSON object'
             WHEN f.feat->>'type' IS DISTINCT FROM 'Feature' THEN
               format('is a %s, not a Feature', coalesce(left(f.feat->>'type', 40), 'object with no type'))
             WHEN jsonb_typeof(f.feat->'properties') IS DISTINCT FROM 'object' THEN 'has no properties'
             WHEN NOT (f.feat->'properties') ? prop THEN format('has no "%s" property', prop)
             WHEN jsonb_typeof(f.feat->'properties'->prop) <> 'string'
                  OR btrim(f.feat->'properties'->>prop) = '' THEN
               format('has no ward code in its "%s" property', prop)
             WHEN jsonb_typeof(f.feat->'geometry') IS DISTINCT FROM 'object' THEN 'has no geometry'
             WHEN f.feat->'geometry'->>'type' IS NULL
                  OR f.feat->'geometry'->>'type' NOT IN ('Polygon', 'MultiPolygon') THEN
               format('is a %s, not a Polygon or MultiPolygon',
                      coalesce(left(f.feat->'geometry'->>'type', 40), 'geometry with no type'))
             WHEN jsonb_typeof(f.feat->'geometry'->'coordinates') IS DISTINCT FROM 'array' THEN
               'has no coordinates'
             WHEN jsonb_array_length(f.feat->'geometry'->'coordinates') = 0 THEN
               'has an empty geometry (no coordinates)'
           END AS problem
      FROM jsonb_array_elements(doc->'features') WITH ORDINALITY f(feat, i)) s
   WHERE s.problem IS NOT NULL ORDER BY s.i LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '%', CASE WHEN bad.code IS NULL OR bad.code = '' THEN format('Feature %s %s.', bad.i, bad.problem)
                              ELSE format('Ward %s (feature %s) %s.', bad.code, bad.i, bad.problem) END
      USING ERRCODE = '22023';
  END IF;

  -- 2. Parts, rings and points, in file order.
  WITH feature AS (
    SELECT f.i, f.feat->'properties'->>prop AS code, f.feat->'geometry' AS geom
      FROM jsonb_array_elements(doc->'features') WITH ORDINALITY f(feat, i)),
  part AS (
    SELECT f.i, f.code, p.j AS part, p.pv
      FROM feature f,
           fh.boundary_items(CASE WHEN f.geom->>'type' = 'Polygon' THEN jsonb_build_array(f.geom->'coordinates')
                                  ELSE f.geom->'coordinates' END) p(pv, j)),
  part_problem AS (
    SELECT i, code, part, NULL::bigint AS ring, NULL::bigint AS n,
           CASE WHEN jsonb_typeof(pv) <> 'array' THEN 'is not a list of rings'
                WHEN jsonb_array_length(pv) = 0 THEN 'is an empty part (no rings)' END AS problem
      FROM part),
  ring AS (
    SELECT p.i, p.code, p.part, r.k AS ring, r.rv
      FROM part p, fh.boundary_items(p.pv) r(rv, k)
     WHERE jsonb_typeof(p.pv) = 'array'),
  ring_problem AS (
    SELECT i, code, part, ring, NULL::bigint,
           CASE WHEN jsonb_typeof(rv) <> 'array' THEN 'is not a list of points'
                WHEN jsonb_array_length(rv) = 0 THEN 'is empty'
                WHEN jsonb_typeof(rv->0) <> 'array' THEN 'is not a list of points'
                WHEN jsonb_array_length(rv) < 4 THEN 'has fewer than four points'
                WHEN rv->0 IS DISTINCT FROM rv->-1 THEN 'is not closed (its last point is not its first)' END
      FROM ring),
  point AS (
    SELECT r.i, r.code, r.part, r.ring, q.n, q.pt
      FROM ring r, fh.boundary_items(r.rv) q(pt, n)
     WHERE jsonb_typeof(r.rv) = 'array'),
  point_problem AS (
    SELECT i, code, part, ring, n,
           CASE WHEN jsonb_typeof(pt) <> 'array' OR jsonb_array_length(pt) NOT IN (2, 3)
                     OR jsonb_typeof(pt->0) <> 'number' OR jsonb_typeof(pt->1) <> 'number'
                     OR coalesce(jsonb_typeof(pt->2), 'number') <> 'number' THEN
                  format('is %s, not a pair of numbers', left(pt::text, 40))
                WHEN abs((pt->>0)::numeric) > 180 OR abs((pt->>1)::numeric) > 90 THEN
                  format('is (%s, %s), which is not longitude/latitude%s',
                         left(pt->>0, 24), left(pt->>1, 24),
                         CASE WHEN (pt->>0)::numeric BETWEEN 0 AND 800000 AND (pt->>1)::numeric BETWEEN 0 AND 1400000
                              THEN ': the file looks like British National Grid (EPSG:27700) eastings and northings.'
                                   || convert
                              ELSE '' END) END
      FROM point),
  problem AS (
    SELECT * FROM part_problem UNION ALL SELECT * FROM ring_problem UNION ALL SELECT * FROM point_problem)
  SELECT * INTO bad FROM problem WHERE problem IS NOT NULL
   ORDER BY i, part, ring NULLS FIRST, n NULLS FIRST LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '%', format('Ward %s (feature %s): polygon %s%s%s %s%s',
                                left(bad.code, 40), bad.i, bad.part,
                                CASE WHEN bad.ring IS NOT NULL THEN format(', ring %s', bad.ring) ELSE '' END,
                                CASE WHEN bad.n IS NOT NULL THEN format(', point %s', bad.n) ELSE '' END,
                                bad.problem, CASE WHEN bad.problem ~ '\.$' THEN '' ELSE '.' END)
      USING ERRCODE = '22023';
  END IF;
  -- 3. Codes: each once, each a ward in the database, none an authority.
  SELECT f.code, string_agg(f.i::text, ', ' ORDER BY f.i) AS features INTO bad
    FROM (SELECT x.i, x.feat->'properties'->>prop AS code
            FROM jsonb_array_elements(doc->'features') WITH ORDINALITY x(feat, i)) f
   GROUP BY f.code HAVING count(*) > 1 ORDER BY min(f.i) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'The boundary file has more than one feature for ward % (features %).',
      left(bad.code, 40), bad.features USING ERRCODE = '22023';
  END IF;

  SELECT f.i, f.code, a.authority_name INTO bad
    FROM (SELECT x.i, x.feat->'properties'->>prop AS code
            FROM jsonb_array_elements(doc->'features') WITH ORDINALITY x(feat, i)) f
    JOIN fh.authority a ON a.authority_code = f.code
   ORDER BY f.i LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Feature % has the code %, which is the local authority % and not a ward: the "%" property names the authority. Use a ward boundary file, or name the ward code property with --code-property NAME.',
      bad.i, bad.code, bad.authority_name, prop USING ERRCODE = '22023';
  END IF;

  SELECT array_agg(left(f.code, 40) ORDER BY f.i) INTO unmatched
    FROM (SELECT x.i, x.feat->'properties'->>prop AS code
            FROM jsonb_array_elements(doc->'features') WITH ORDINALITY x(feat, i)) f
   WHERE NOT EXISTS (SELECT 1 FROM fh.ward w WHERE w.ward_code = f.code);
  IF unmatched IS NOT NULL THEN
    RAISE EXCEPTION '%', format('These ward codes in the boundary file are not in the database: %s%s.%s',
      array_to_string(unmatched[1:10], ', '),
      CASE WHEN cardinality(unmatched) > 10 THEN format(' and %s more', cardinality(unmatched) - 10) ELSE '' END,
      CASE WHEN array_to_string(unmatched, ' ') ~ '(^| )(E0[6-9]|W06|S12|N09)[0-9]{6}( |$)'
           THEN format(' Codes beginning E06, E07, E08, E09, W06, S12 or N09 are local authorities, not wards: is "%s" the ward code property?', prop)
           ELSE '' END)
      USING ERRCODE = '22023';
  END IF;

  -- 4. What the rings measure, and where each ward lies against what the
  -- database knows: its stored centroid, the other wards' centroids, and
  -- the area of its authority's centroids.
  WITH feature AS (
    SELECT f.i, f.feat->'properties'->>prop AS code, f.feat->'geometry' AS geom
      FROM jsonb_array_elements(doc->'features') WITH ORDINALITY f(feat, i)),
  part AS (
    SELECT f.i, f.code, p.j AS part, p.pv
      FROM feature f,
           fh.boundary_items(CASE WHEN f.geom->>'type' = 'Polygon' THEN jsonb_build_array(f.geom->'coordinates')
                                  ELSE f.geom->'coordinates' END) p(pv, j)),
  point AS (
    SELECT p.i, p.code, p.part, r.k AS ring, q.n,
           round((q.pt->>0)::numeric, 15)::float8 AS x, round((q.pt->>1)::numeric, 15)::float8 AS y
      FROM part p, fh.boundary_items(p.pv) r(rv, k),
           fh.boundary_items(r.rv) q(pt, n)),
  edge AS (
    SELECT i, code, part, ring, x, y,
           lead(x) OVER w AS x2, lead(y) OVER w AS y2,
           first_value(x) OVER w AS x0, first_value(y) OVER w AS y0
      FROM point WINDOW w AS (PARTITION BY i, part, ring ORDER BY n)),
  ring_m AS (   -- the shoelace formula about the ring's first point
    SELECT i, code, part, ring,
           sum((x - x0) * (y2 - y0) - (x2 - x0) * (y - y0)) / 2 AS area,
           min(x) AS min_x, max(x) AS max_x, min(y) AS min_y, max(y) AS max_y
      FROM edge GROUP BY i, code, part, ring),
  extent AS (
    SELECT authority_id,
           min(centroid_lon) - greatest(0.2, (max(centroid_lon) - min(centroid_lon)) / 2) AS min_x,
           max(centroid_lon) + greatest(0.2, (max(centroid_lon) - min(centroid_lon)) / 2) AS max_x,
           min(centroid_lat) - greatest(0.2, (max(centroid_lat) - min(centroid_lat)) / 2) AS min_y,
           max(centroid_lat) + greatest(0.2, (max(centroid_lat) - min(centroid_lat)) / 2) AS max_y
      FROM fh.ward WHERE centroid_lon IS NOT NULL AND centroid_lat IS NOT NULL
     GROUP BY authority_id),
  placed AS (
    SELECT b.*, w.authority_id, w.centroid_lon AS cx, w.centroid_lat AS cy,
           e.min_x AS e_min_x, e.max_x AS e_max_x, e.min_y AS e_min_y, e.max_y AS e_max_y,
           0.005 + 0.1 * (b.max_x - b.min_x) AS pad_x, 0.005 + 0.1 * (b.max_y - b.min_y) AS pad_y
      FROM (SELECT i, code, min(min_x) AS min_x, max(max_x) AS max_x, min(min_y) AS min_y, max(max_y) AS max_y
              FROM ring_m GROUP BY i, code) b
      JOIN fh.ward w ON w.ward_code = b.code
      LEFT JOIN extent e ON e.authority_id = w.authority_id),
  covered AS (  -- even-odd rule over all of a ward's rings
    SELECT p.i, o.ward_code AS other
      FROM placed p
      JOIN fh.ward o ON o.authority_id = p.authority_id AND o.ward_code <> p.code
                    AND o.centroid_lon BETWEEN p.min_x AND p.max_x
                    AND o.centroid_lat BETWEEN p.min_y AND p.max_y
      JOIN edge e ON e.i = p.i AND e.x2 IS NOT NULL
                 AND (e.y > o.centroid_lat) <> (e.y2 > o.centroid_lat)
                 AND o.centroid_lon < (e.x2 - e.x) * (o.centroid_lat - e.y) / nullif(e.y2 - e.y, 0) + e.x
     GROUP BY p.i, o.ward_code HAVING count(*) % 2 = 1),
  problem AS (
    SELECT i, code, 1 AS kind, part, ring,
           format('has a ring with no area (its points are on one line): polygon %s, ring %s', part, ring) AS problem
      FROM ring_m   -- nothing, or next to nothing for its size
     WHERE abs(area) <= 1e-6 * ((max_x - min_x) ^ 2 + (max_y - min_y) ^ 2) OR abs(area) < 1e-14
    UNION ALL
    SELECT i, code, 2, NULL, NULL,
           CASE
             WHEN cx IS NOT NULL
                  AND NOT (cx BETWEEN min_x - pad_x AND max_x + pad_x AND cy BETWEEN min_y - pad_y AND max_y + pad_y)
                  AND cx BETWEEN min_y - pad_y AND max_y + pad_y AND cy BETWEEN min_x - pad_x AND max_x + pad_x THEN
               'has longitude and latitude swapped: its points are (latitude, longitude), and GeoJSON needs (longitude, latitude)'
             WHEN cx IS NOT NULL
                  AND NOT (cx BETWEEN min_x - pad_x AND max_x + pad_x AND cy BETWEEN min_y - pad_y AND max_y + pad_y) THEN
               format('lies %s km from its stored centroid (%s, %s): the geometry is shifted, or belongs to another ward',
                      round(sqrt((greatest(min_x - cx, 0, cx - max_x) * 111.32 * cos(radians(cy))) ^ 2
                                 + (greatest(min_y - cy, 0, cy - max_y) * 110.57) ^ 2)::numeric, 1),
                      round(cx::numeric, 5), round(cy::numeric, 5))
             WHEN e_min_x IS NOT NULL
                  AND NOT (min_x >= e_min_x AND max_x <= e_max_x AND min_y >= e_min_y AND max_y <= e_max_y)
                  AND min_y >= e_min_x AND max_y <= e_max_x AND min_x >= e_min_y AND max_x <= e_max_y THEN
               'has longitude and latitude swapped: its points are (latitude, longitude), and GeoJSON needs (longitude, latitude)'
             WHEN e_min_x IS NOT NULL
                  AND NOT (min_x >= e_min_x AND max_x <= e_max_x AND min_y >= e_min_y AND max_y <= e_max_y) THEN
               format('reaches outside the area of its authority''s wards (longitude %s to %s, latitude %s to %s): it is shifted or scaled',
                      round(e_min_x::numeric, 3), round(e_max_x::numeric, 3),
                      round(e_min_y::numeric, 3), round(e_max_y::numeric, 3))
           END
      FROM placed
    UNION ALL
    SELECT i, NULL, 3, NULL, NULL,
           format('also covers the stored centroid of ward %s: it is too large, or its code belongs to another ward',
                  min(other))
      FROM covered GROUP BY i)
  SELECT pr.i, f.code, pr.problem INTO bad
    FROM problem pr JOIN feature f ON f.i = pr.i
   WHERE pr.problem IS NOT NULL
   ORDER BY pr.i, pr.kind, pr.part, pr.ring LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '%', format('Ward %s (feature %s) %s.', left(bad.code, 40), bad.i, bad.problem)
      USING ERRCODE = '22023';
  END IF;

  RETURN QUERY
    SELECT f.feat->'properties'->>prop,
           jsonb_build_object('type', f.feat->'geometry'->'type',
                              'coordinates', f.feat->'geometry'->'coordinates')
      FROM jsonb_array_elements(doc->'features') WITH ORDINALITY f(feat, i)
     ORDER BY f.i;
END;
$fn$;

CREATE OR REPLACE FUNCTION fh.import_ward_boundaries(p_geojson text, p_code_property text DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, pg_temp
AS $fn$
DECLARE
  n_updated integer;
BEGIN
  UPDATE fh.ward w SET boundary = b.boundary
    FROM fh.read_ward_boundaries(p_geojson, p_code_property) b
   WHERE w.ward_code = b.ward_code;
  GET DIAGNOSTICS n_updated = ROW_COUNT;
  RETURN n_updated;
END;
$fn$;

ALTER FUNCTION fh.boundary_items(jsonb) OWNER TO fh_owner;
ALTER FUNCTION fh.read_ward_boundaries(text, text) OWNER TO fh_owner;
ALTER FUNCTION fh.import_ward_boundaries(text, text) OWNER TO fh_owner;
REVOKE ALL ON FUNCTION fh.boundary_items(jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION fh.read_ward_boundaries(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION fh.import_ward_boundaries(text, text) FROM PUBLIC;
