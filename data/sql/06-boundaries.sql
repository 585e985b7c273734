-- 06-boundaries.sql — importing ward boundaries from an ONS GeoJSON file
--
-- fh.import_ward_boundaries(geojson text) loads a GeoJSON FeatureCollection
-- (WGS84 longitude/latitude, one Polygon or MultiPolygon per ward, a
-- "ward_code" property, as the ONS Open Geography Portal's ward boundary
-- files have) into fh.ward.boundary, matched on the ward code. It checks the
-- whole file first and changes nothing unless every feature is good and every
-- code matches a ward: a bad file raises an error that says what is wrong.
-- Run by build-aux/fh-import-boundaries.sh as the owner.

CREATE OR REPLACE FUNCTION fh.import_ward_boundaries(p_geojson text,
                                                     p_code_property text DEFAULT 'ward_code')
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, fh, pg_temp
AS $fn$
DECLARE
  doc        jsonb;
  feature    jsonb;
  geom       jsonb;
  polygons   jsonb;
  ring       jsonb;
  pos        jsonb;
  code       text;
  i          integer := 0;
  n_updated  integer;
  unmatched  text[];
  duplicated text[];
BEGIN
  BEGIN
    doc := p_geojson::jsonb;
  EXCEPTION WHEN others THEN
    RAISE EXCEPTION 'The boundary file is not valid JSON (%).', SQLERRM
      USING ERRCODE = '22023';
  END;

  IF jsonb_typeof(doc) <> 'object' OR doc->>'type' IS DISTINCT FROM 'FeatureCollection' THEN
    RAISE EXCEPTION 'The boundary file is not a GeoJSON FeatureCollection.'
      USING ERRCODE = '22023';
  END IF;
  IF jsonb_typeof(doc->'features') <> 'array' OR jsonb_array_length(doc->'features') = 0 THEN
    RAISE EXCEPTION 'The boundary file has no features.' USING ERRCODE = '22023';
  END IF;
  IF doc ? 'crs' AND doc->'crs'->'properties'->>'name' IS NOT NULL
     AND doc->'crs'->'properties'->>'name' NOT IN ('urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326',
                                                    'urn:ogc:def:crs:EPSG::4326') THEN
    RAISE EXCEPTION 'The boundary file uses the coordinate system %, not WGS84 longitude/latitude: download the WGS84 (EPSG:4326) version.',
      doc->'crs'->'properties'->>'name' USING ERRCODE = '22023';
  END IF;

  CREATE TEMPORARY TABLE IF NOT EXISTS fh_boundary_import (code text, geometry jsonb) ON COMMIT DROP;
  TRUNCATE fh_boundary_import;

  FOR feature IN SELECT value FROM jsonb_array_elements(doc->'features') LOOP
    i := i + 1;
    code := feature->'properties'->>p_code_property;
    IF code IS NULL OR btrim(code) = '' THEN
      RAISE EXCEPTION 'Feature % has no "%" property.', i, p_code_property USING ERRCODE = '22023';
    END IF;
    geom := feature->'geometry';
    IF geom IS NULL OR jsonb_typeof(geom) <> 'object' THEN
      RAISE EXCEPTION 'Ward % (feature %) has no geometry.', code, i USING ERRCODE = '22023';
    END IF;
    IF geom->>'type' = 'Polygon' THEN
      polygons := jsonb_build_array(geom->'coordinates');
    ELSIF geom->>'type' = 'MultiPolygon' THEN
      polygons := geom->'coordinates';
    ELSE
      RAISE EXCEPTION 'Ward % (feature %) is a %, not a Polygon or MultiPolygon.',
        code, i, coalesce(geom->>'type', 'geometry of no type') USING ERRCODE = '22023';
    END IF;
    IF jsonb_typeof(polygons) <> 'array' OR jsonb_array_length(polygons) = 0 THEN
      RAISE EXCEPTION 'Ward % (feature %) has no coordinates.', code, i USING ERRCODE = '22023';
    END IF;
    FOR ring IN SELECT r FROM jsonb_array_elements(polygons) p, jsonb_array_elements(
                  CASE WHEN jsonb_typeof(p.value) = 'array' THEN p.value ELSE '[null]'::jsonb END) r LOOP
      IF jsonb_typeof(ring) IS DISTINCT FROM 'array' OR jsonb_array_length(ring) < 4 THEN
        RAISE EXCEPTION 'Ward % (feature %) has a ring with fewer than four points.', code, i
          USING ERRCODE = '22023';
      END IF;
      IF ring->0 IS DISTINCT FROM ring->-1 THEN
        RAISE EXCEPTION 'Ward % (feature %) has a ring that is not closed.', code, i
          USING ERRCODE = '22023';
      END IF;
      FOR pos IN SELECT value FROM jsonb_array_elements(ring) LOOP
        IF jsonb_typeof(pos) <> 'array' OR jsonb_array_length(pos) < 2
           OR jsonb_typeof(pos->0) <> 'number' OR jsonb_typeof(pos->1) <> 'number' THEN
          RAISE EXCEPTION 'Ward % (feature %) has a coordinate that is not a pair of numbers.', code, i
            USING ERRCODE = '22023';
        END IF;
        IF abs((pos->>0)::float8) > 180 OR abs((pos->>1)::float8) > 90 THEN
          RAISE EXCEPTION 'Ward % (feature %) has coordinates (%, %) that are not longitude/latitude: the file may use British National Grid; download the WGS84 version.',
            code, i, pos->>0, pos->>1 USING ERRCODE = '22023';
        END IF;
      END LOOP;
    END LOOP;
    INSERT INTO fh_boundary_import VALUES (code, geom);
  END LOOP;

  SELECT array_agg(DISTINCT b.code ORDER BY b.code) INTO duplicated
    FROM fh_boundary_import b GROUP BY b.code HAVING count(*) > 1;
  IF duplicated IS NOT NULL THEN
    RAISE EXCEPTION 'The boundary file has more than one feature for ward %.', duplicated[1]
      USING ERRCODE = '22023';
  END IF;

  SELECT array_agg(b.code ORDER BY b.code) INTO unmatched
    FROM fh_boundary_import b
   WHERE NOT EXISTS (SELECT 1 FROM fh.ward w WHERE w.ward_code = b.code);
  IF unmatched IS NOT NULL THEN
    RAISE EXCEPTION 'These ward codes in the boundary file are not in the database: %. Nothing was imported.',
      array_to_string(unmatched, ', ') USING ERRCODE = '22023';
  END IF;

  UPDATE fh.ward w SET boundary = b.geometry
    FROM fh_boundary_import b WHERE w.ward_code = b.code;
  GET DIAGNOSTICS n_updated = ROW_COUNT;
  RETURN n_updated;
END;
$fn$;

ALTER FUNCTION fh.import_ward_boundaries(text, text) OWNER TO fh_owner;
REVOKE ALL ON FUNCTION fh.import_ward_boundaries(text, text) FROM PUBLIC;
