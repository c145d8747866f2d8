//! The page assets, compiled into the binary: no CDN, no tile server.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

const STYLE: &str = include_str!("../assets/style.css");
const APP: &str = include_str!("../assets/app.js");
/// Natural Earth 1:50m borders from the npm package world-atlas 2.0.2.
const COUNTRIES: &str = include_str!("../assets/vendor/countries-50m.json");
/// topojson-client 3.1.0 from npm, to turn the borders into paths.
const TOPOJSON: &str = include_str!("../assets/vendor/topojson-client.min.js");

pub async fn asset(Path(name): Path<String>) -> Response {
    let (body, mime) = match name.as_str() {
        "style.css" => (STYLE, "text/css; charset=utf-8"),
        "app.js" => (APP, "text/javascript; charset=utf-8"),
        "countries-50m.json" => (COUNTRIES, "application/json"),
        "topojson-client.min.js" => (TOPOJSON, "text/javascript; charset=utf-8"),
        _ => return (StatusCode::NOT_FOUND, "no such asset").into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}
