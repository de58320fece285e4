#!/bin/sh
# Loads newsflow's saved objects (index pattern, visualisations, dashboard) into OpenSearch Dashboards.
set -eu
url="${DASHBOARDS_URL:-http://dashboards:5601}"
until curl -fs "$url/api/status" >/dev/null; do echo "waiting for $url"; sleep 3; done
curl -fsS -X POST "$url/api/saved_objects/_import?overwrite=true" -H "osd-xsrf: true" \
  --form file=@/dashboards/newsflow.ndjson
echo
echo "newsflow dashboard loaded: $url/app/dashboards#/view/newsflow-overview"
