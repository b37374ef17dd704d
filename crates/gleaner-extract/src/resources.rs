//! The models the extractors share, loaded once and handed to each extractor that reads them.

use crate::linear::{Clusters, Model, ModelError};
use crate::{entities, relations};

/// The trained models of a pipeline: the entity tagger (whose word clusters the relation
/// classifier's features also read) and the relation classifier. One value, passed to
/// [`Entities::new`](crate::entities::Entities::new) and
/// [`Relations::new`](crate::relations::Relations::new), so that both read the same clusters
/// whichever tagger is used.
#[derive(Clone, Debug)]
pub struct Resources {
    /// The entity tagger, or why it could not be loaded.
    pub tagger: Result<&'static Model, ModelError>,
    /// The relation classifier, or why it could not be loaded.
    pub relations: Result<&'static Model<{ relations::N_CLASSES }>, ModelError>,
}

impl Resources {
    /// The models shipped in the library (trained by `make model`), read once per process.
    pub fn shipped() -> Resources {
        Resources { tagger: entities::shipped_model(), relations: relations::shipped_model() }
    }

    /// The shipped models with a tagger of your own (e.g. one just trained).
    pub fn with_tagger(tagger: &'static Model) -> Resources {
        Resources { tagger: Ok(tagger), ..Resources::shipped() }
    }

    /// The word clusters of the tagger (none when it did not load).
    pub fn clusters(&self) -> Option<&'static Clusters> {
        self.tagger.as_ref().ok().map(|m| &m.clusters)
    }
}
