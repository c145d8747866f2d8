//! What a request can fail with, answered as JSON under `/api` and as a
//! page elsewhere; the message says what to fix.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// A failed request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A bad id, date or parameter: 400 with what was wrong.
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    /// Writing asked of a server started without `--allow-ingest`.
    #[error("{0}")]
    Forbidden(String),
    #[error("the database could not be read: {0}")]
    Store(#[from] rasd_store::StoreError),
    #[error("internal error: {0}")]
    Internal(String),
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::Forbidden(_) => StatusCode::FORBIDDEN,
            WebError::Store(_) | WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// An error of an API route: JSON `{"error": message}`.
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        (
            status,
            Json(json!({"error": self.0.to_string(), "status": status.as_u16()})),
        )
            .into_response()
    }
}

/// An error of a page: a small page with the message.
pub struct PageError(pub WebError);

impl<E: Into<WebError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let page = maud::html! {
            (maud::DOCTYPE)
            html lang="en" {
                head { meta charset="utf-8"; title { "Rasd — " (status.as_u16()) } link rel="stylesheet" href="/assets/style.css"; }
                body { main { h1 { (status.as_u16()) " " (status.canonical_reason().unwrap_or("")) } p.error { (self.0.to_string()) } p { a href="/" { "Back to the map" } } } }
            }
        };
        (status, Html(page.into_string())).into_response()
    }
}
