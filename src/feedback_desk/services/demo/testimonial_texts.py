"""What the demo's clients write when they recommend the studio (or decline), in their language.

The answers follow the studio's two questions (the shipped ones: what brought you to the studio,
what has changed since); a testimonial pairs one answer to each, so no two read the same.
"""

from __future__ import annotations

from typing import Final

from feedback_desk.domain.testimonials import RefusalReason
from feedback_desk.services.demo.texts import Bank

# "What brought you to {studio}?"
WHAT_BROUGHT_YOU: Final[Bank] = {
    "fr": (
        "Une amie m'a traînée à un cours de yoga, et je ne suis jamais repartie.",
        "Je cherchais un studio près du bureau pour bouger le midi.",
        "Après mon accouchement, je voulais reprendre doucement, avec quelqu'un pour me guider.",
        "Le cours d'essai gratuit. Je me suis inscrite le soir même.",
        "Mon physio m'a conseillé le Pilates pour mon dos.",
        "Je voulais un endroit où on connaît mon nom, pas une grosse chaîne.",
        "Les horaires tôt le matin : c'est le seul moment où j'ai du temps.",
    ),
    "en": (
        "A friend dragged me to a spin class and I was hooked.",
        "I had just moved to the neighbourhood and wanted to meet people.",
        "I needed something for my back after years at a desk.",
        "The early morning classes fit my schedule before work.",
        "I wanted a small studio where the coaches actually know you.",
        "The free trial week. By the third class I had signed up.",
    ),
}

# "What has changed for you since?"
WHAT_CHANGED: Final[Bank] = {
    "fr": (
        "J'ai plus d'énergie et je dors beaucoup mieux.",
        "Mon mal de dos a presque disparu, et je ne pensais jamais dire ça.",
        "Je me suis fait des amies au cours du mardi. On prend un café après !",
        "Je suis plus souple qu'à 30 ans. Les coachs adaptent tout à mon niveau.",
        "Je viens trois fois par semaine sans me forcer : c'est devenu mon moment à moi.",
        "J'ai couru mon premier 10 km cet automne.",
        "Moins de stress au travail, et je respire enfin.",
    ),
    "en": (
        "I'm stronger, calmer, and I finally look forward to working out.",
        "My back pain is mostly gone and I sleep better.",
        "I've made real friends here. The Saturday crew is the best.",
        "I went from barely finishing a class to helping newcomers find their pace.",
        "It's the one hour of my day that is just for me.",
        "Ran my first half marathon last month. Couldn't have done it without the HIIT classes!",
    ),
}

JOB_TITLES: Final[Bank] = {
    "fr": (
        "Comptable",
        "Architecte",
        "Photographe",
        "Journaliste",
        "Psychologue",
        "Gestionnaire de projet",
    ),
    "en": (
        "Software developer",
        "Graphic designer",
        "Nurse",
        "Project manager",
        "Retired teacher",
    ),
}

# Qualities clients added in their own words (their language first), which the manager then
# worded in the other language and approved: (client's language, their words, the other label).
OWN_QUALITIES: Final = (
    ("fr", "Les petits groupes", "Small groups"),
    ("en", "Easy parking", "Stationnement facile"),
)

# Declines, each reason with what a client adds in their language.
REFUSALS: Final = (
    (
        RefusalReason.NOT_PUBLIC,
        {
            "fr": "Je préfère garder ça pour moi, mais je continue de venir !",
            "en": "I'd rather keep it private, but I'm not going anywhere!",
        },
    ),
    (
        RefusalReason.OTHER,
        {
            "fr": "Je déménage à Québec le mois prochain, ce serait bizarre de vous recommander.",
            "en": "I'm moving to Toronto next month, so recommending you now wouldn't feel right.",
        },
    ),
)
