"""Stories (event clusters linked into storylines) and per-article novelty within a story."""

from chronik.stories.linking import ClusterProfile, StoryOptions, link_stories
from chronik.stories.novelty import ArticleNovelty, NoveltyOptions, NoveltyScorer

__all__ = ["ArticleNovelty", "ClusterProfile", "NoveltyOptions", "NoveltyScorer", "StoryOptions", "link_stories"]
