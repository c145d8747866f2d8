//! Rasd's web app: `rasd serve` answers pages and a JSON API from the
//! store, read only unless started with `--allow-ingest`.
//!
//! Pages: `/` (map, timeline, filters, search), `/incidents/{id}`,
//! `/stories/{id}`, `/reports/{id}`. API: `/api/incidents`,
//! `/api/incidents/{id}`, `/api/stories/{id}`, `/api/reports/{id}`,
//! `/api/search?q=`, `/api/export?format=`, and `POST /api/reports` to add
//! reports when ingest is allowed. Every text from a report is escaped by
//! the templates (maud): a report is shown as text, never as markup.

mod api;
mod assets;
pub mod error;
mod highlight;
mod labels;
mod pages;
pub mod params;
mod search;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::routing::get;
use axum::Router;
use rasd_places::resolve::Resolver;
use rasd_store::Store;

use crate::error::WebError;

/// Adds reports to the database: JSON lines in, a summary out. Given by
/// the binary, which owns the pipeline.
pub type Ingest = dyn Fn(Vec<u8>) -> Result<serde_json::Value, String> + Send + Sync;

/// What every request shares.
pub struct AppState {
    pub db: PathBuf,
    /// For searches by place name (spelling variants through the
    /// gazetteer's aliases); without it a search matches place names as
    /// written.
    pub resolver: Option<Resolver>,
    /// `Some` only when the server was started with `--allow-ingest`.
    pub ingest: Option<Box<Ingest>>,
}

impl AppState {
    /// A read-only connection for one request.
    pub fn store(&self) -> Result<Store, WebError> {
        Store::open_read_only(&self.db).map_err(WebError::from)
    }
}

/// Runs `f` with a read-only store on the blocking pool.
pub(crate) async fn with_store<T, F>(state: &Arc<AppState>, f: F) -> Result<T, WebError>
where
    T: Send + 'static,
    F: FnOnce(&AppState, &Store) -> Result<T, WebError> + Send + 'static,
{
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || {
        let store = state.store()?;
        f(&state, &store)
    })
    .await
    .map_err(|e| WebError::Internal(e.to_string()))?
}

/// Every route.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/incidents/{id}", get(pages::incident))
        .route("/stories/{id}", get(pages::story))
        .route("/reports/{id}", get(pages::report))
        .route("/api/incidents", get(api::incidents))
        .route("/api/incidents/{id}", get(api::incident))
        .route("/api/stories/{id}", get(api::story))
        .route("/api/reports/{id}", get(api::report).post(api::reject_post))
        .route("/api/reports", axum::routing::post(api::ingest))
        .route("/api/search", get(api::search))
        .route("/api/export", get(api::export))
        .route("/assets/{name}", get(assets::asset))
        .fallback(pages::not_found)
        .with_state(state)
}

/// Serves until Ctrl-C.
pub async fn serve(state: Arc<AppState>, bind: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind).await?;
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
