"""What the demo's clients and staff write: comments, Google reviews, replies, notes.

``{coach}`` is the coach's first name, ``{class}`` the class name, ``{studio}`` the studio name.
Some comments span several lines; one carries a ``<3`` (client text is always shown as plain text).
"""

from __future__ import annotations

from typing import Final

Bank = dict[str, tuple[str, ...]]

CLASS_POSITIVE: Final[Bank] = {
    "fr": (
        "Super cours, {coach} est vraiment motivante !",
        "J'adore {class}, je ressors toujours pleine d'énergie.",
        "Meilleur cours de la semaine <3",
        "{coach} prend le temps de corriger nos postures, merci !",
        "Belle musique et bon rythme.",
        "Exigeant mais tellement bon. À la semaine prochaine !",
        "Ambiance géniale ce matin.",
        "Merci {coach} pour les variantes, parfait pour mon genou.",
        "Cours bien structuré, on voit la progression.",
        "Parfait pour commencer la journée.",
        "Toujours aussi bon, rien à redire.",
        "J'ai enfin réussi la posture du corbeau !\nMerci pour la patience.",
    ),
    "en": (
        "Great class, {coach} is so motivating!",
        "Loved {class} today, I left full of energy.",
        "Best class of my week <3",
        "{coach} takes time to fix our form, thank you!",
        "Great playlist and good pace.",
        "Tough but so good. See you next week!",
        "Such a good vibe this morning.",
        "Thanks {coach} for the modifications, perfect for my knee.",
        "Well structured, I can feel the progress.",
        "Perfect way to start the day.",
    ),
}

CLASS_MIXED: Final[Bank] = {
    "fr": (
        "Bon cours mais un peu trop de monde.",
        "La musique était un peu forte ce soir.",
        "Bien, mais le rythme était rapide pour moi.",
        "Il faisait chaud dans la salle.",
        "Correct. J'aurais aimé plus d'étirements à la fin.",
        "Bon entraînement, mais on a commencé quelques minutes en retard.",
    ),
    "en": (
        "Good class but a bit crowded.",
        "Music was a little loud tonight.",
        "Good, but the pace was fast for me.",
        "The room was quite warm.",
        "Fine. I would have liked more stretching at the end.",
    ),
}

CLASS_NEGATIVE: Final[Bank] = {
    "fr": (
        "Trop de monde, je n'ai pas eu de place au fond.",
        "Le cours a commencé en retard et fini en vitesse.",
        "Musique beaucoup trop forte, on n'entendait pas les consignes.",
        "Pas de vélo disponible alors que j'avais réservé.",
        "Déçue, le cours ne correspondait pas à la description.",
        "La salle était glaciale.",
        "Explications peu claires, j'étais perdue.",
    ),
    "en": (
        "Way too crowded, no room in the back.",
        "Class started late and ended in a rush.",
        "Music far too loud, couldn't hear the cues.",
        "No bike available even though I had booked.",
        "Disappointed, the class didn't match the description.",
        "Instructions were unclear, I was lost.",
    ),
}

# The weeks when Marc-André's classes slipped.
DROPPING_COACH_COMMENTS: Final[Bank] = {
    "fr": (
        "Encore commencé en retard, c'est la troisième fois.",
        "{coach} semblait ailleurs, aucune correction de posture.",
        "La musique est devenue beaucoup trop forte dans ce cours.",
        "Le cours n'a plus la même énergie qu'avant.",
        "Dix minutes de retard, j'ai dû partir avant la fin.",
        "On ne comprend plus les consignes avec le volume.",
    ),
    "en": (
        "Started late again, third time this month.",
        "{coach} seemed distracted, no form corrections at all.",
        "The music has become way too loud in this class.",
        "This class has lost its energy lately.",
        "Ten minutes late, I had to leave before the end.",
    ),
}

BUSINESS_POSITIVE: Final[Bank] = {
    "fr": (
        "Un studio chaleureux, on s'y sent chez soi.",
        "Propre, bien situé, des entraîneurs au top.",
        "L'équipe de l'accueil est toujours souriante.",
        "Je recommande {studio} à tous mes amis.",
        "Réservation facile et horaire varié, merci !",
        "La meilleure décision de mon année.",
    ),
    "en": (
        "Warm studio, it feels like home.",
        "Clean, well located, great coaches.",
        "The front desk team is always so friendly.",
        "I recommend {studio} to all my friends.",
        "Easy booking and a great schedule, thanks!",
    ),
}

BUSINESS_MIXED: Final[Bank] = {
    "fr": (
        "J'aime beaucoup, mais le stationnement est difficile le soir.",
        "Bons cours, vestiaires un peu petits.",
        "Les cours du soir sont souvent complets.",
    ),
    "en": (
        "Love it, but parking is hard in the evening.",
        "Good classes, changing rooms a bit small.",
        "Evening classes are often full.",
    ),
}

BUSINESS_NEGATIVE: Final[Bank] = {
    "fr": (
        "Trop cher pour ce que c'est depuis la hausse.",
        "Liste d'attente pour tous les cours du soir, frustrant.",
        "Les douches étaient sales deux fois cette semaine.",
        "Personne ne m'a répondu quand j'ai appelé pour mon abonnement.",
    ),
    "en": (
        "Too expensive since the price increase.",
        "Waitlists for every evening class, frustrating.",
        "Showers were dirty twice this week.",
        "Nobody answered when I called about my membership.",
    ),
}

CLIENT_ASPECTS: Final = (
    # (kind, polarity, label): client-added, awaiting a manager's approval
    ("class", "excel", "Playlist des années 90"),
    ("business", "to_improve", "Casiers trop petits"),
)

# Five-star Google reviews are assembled from these parts, so no two read the same.
GOOGLE_OPENERS: Final[Bank] = {
    "fr": (
        "Super studio !",
        "Quel bel endroit.",
        "Je recommande à 100 %.",
        "Un vrai coup de cœur.",
        "Enfin un studio où je me sens à ma place.",
        "Belle découverte cette année.",
        "Toujours un plaisir d'y aller.",
        "Meilleur studio du Plateau.",
    ),
    "en": (
        "Great studio!",
        "What a lovely place.",
        "Highly recommend.",
        "Found my happy place.",
        "Best studio in the Plateau.",
        "Always a pleasure to go.",
    ),
}
GOOGLE_DETAILS: Final[Bank] = {
    "fr": (
        "Les cours de spin sont intenses et motivants.",
        "Le yoga chaud avec Julie est exceptionnel.",
        "Sophie corrige nos postures avec patience en Pilates.",
        "Les vestiaires sont propres et l'accueil chaleureux.",
        "L'horaire est varié, tôt le matin comme le soir.",
        "La réservation en ligne est simple.",
        "L'ambiance de groupe est vraiment motivante.",
        "Les entraîneurs connaissent nos prénoms.",
        "La boxe avec Kevin, c'est le meilleur défoulement de la semaine.",
        "Le Yin du mardi soir est parfait pour décrocher.",
        "Émilie donne des cours de yoga d'une grande douceur.",
    ),
    "en": (
        "Spin classes are intense and so motivating.",
        "Hot yoga with Julie is outstanding.",
        "Sophie is patient and precise in Pilates.",
        "Changing rooms are spotless and the staff is warm.",
        "The schedule works, early mornings and evenings.",
        "Booking online is easy.",
        "The group energy keeps me coming back.",
        "Coaches know everyone by name.",
        "Boxing with Kevin is the best workout of my week.",
    ),
}
GOOGLE_CLOSERS: Final[Bank] = {
    "fr": ("", "", "Merci à toute l'équipe !", "À bientôt !", "Bravo !"),
    "en": ("", "", "Thanks to the whole team!", "See you soon!"),
}

GOOGLE_MIXED: Final[Bank] = {
    "fr": (
        "Bons cours, mais difficile de trouver du stationnement.",
        "Très bons entraîneurs. Les vestiaires mériteraient une rénovation.",
        "J'aime beaucoup, mais les cours du soir sont vite complets.",
        "Bel endroit, un peu cher pour le quartier.",
    ),
    "en": (
        "Good classes, but evening sessions fill up fast.",
        "Great coaches; the changing rooms could use an update.",
        "Nice studio, a bit pricey.",
    ),
}

GOOGLE_NEGATIVE: Final[Bank] = {
    "fr": (
        "Trop de monde dans les cours du soir, on est collés.",
        "Prix en hausse et moins de cours le week-end.",
        "Liste d'attente pour tout, impossible d'avoir une place le soir.",
    ),
    "en": (
        "Overbooked classes and a rude answer at the front desk.",
        "Cancelled my class twice without notice.",
    ),
}

# Google shows a translated review with the original below it.
GOOGLE_TRANSLATED: Final = (
    "(Translated by Google) Great studio, the coaches really take the time to correct "
    "your posture. I recommend the Saturday yoga flow!\n\n(Original)\n"
    "Super studio, les coachs prennent vraiment le temps de corriger la posture. "
    "Je recommande le yoga flow du samedi !"
)
GOOGLE_TRANSLATED_ORIGINAL: Final = (
    "Super studio, les coachs prennent vraiment le temps de corriger la posture. "
    "Je recommande le yoga flow du samedi !"
)

GOOGLE_OTHER_REVIEWERS: Final = (
    "Marie L.",
    "Jonathan P.",
    "Stéphane Roy",
    "Ariane B.",
    "Ihor K",
    "Fatima Z.",
    "Claudia Medina",
    "Benoit Girard",
    "Nora H.",
    "Will T.",
    "Laurie-Anne D.",
    "Yan Wu",
    "Charles-Étienne M.",
    "Tanya Brooks",
    "Jade Lemieux",
    "Rémi Ouimet",
    "Kim Ly",
    "Pascale Hamel",
    "Sam Rivera",
    "Josiane Trudel",
)

GOOGLE_REPLIES: Final[Bank] = {
    "fr": (
        "Merci {name} ! Toute l'équipe est ravie de vous compter parmi nous.",
        "Merci beaucoup {name}, au plaisir de vous revoir au studio !",
        "Merci {name} pour ce beau message, on le transmet aux entraîneurs.",
    ),
    "en": (
        "Thank you {name}! The whole team is happy to have you with us.",
        "Thanks so much {name}, see you soon at the studio!",
    ),
}

GOOGLE_REPLIES_CRITICAL: Final[Bank] = {
    "fr": (
        "Merci {name} pour votre franchise. Nous avons ajouté des cours le soir et "
        "nous aimerions en discuter avec vous : écrivez-nous à l'accueil.",
    ),
    "en": (
        "Thank you {name} for the honest feedback. We have added evening classes and "
        "would love to talk: please write to the front desk.",
    ),
}

GOOGLE_REPLY_GENERIC: Final = {
    "fr": "Merci beaucoup ! Au plaisir de vous revoir au studio.",
    "en": "Thank you so much! See you soon at the studio.",
}

# A reply Google's moderation refused: it offered a discount.
GOOGLE_REJECTED_REPLY: Final = (
    "Merci ! Utilisez le code ELAN20 pour 20 % de rabais sur votre prochain forfait."
)

ACTION_NOTES: Final[dict[str, tuple[str, ...]]] = {
    "contacted": (
        "Appelée, elle revient la semaine prochaine.",
        "Courriel envoyé, il remercie pour le suivi.",
        "Parlé à l'accueil, elle était pressée ce jour-là.",
        "Called back, happy we followed up.",
    ),
    "resolved": (
        "Vélo réparé et réservation créditée.",
        "Volume de la musique baissé, client informé.",
        "Séance d'essai offerte, cliente satisfaite.",
        "Changing room fixed; member informed by email.",
        "Cours ajouté le mardi soir pour réduire la liste d'attente.",
    ),
    "no_action": (
        "Pas de suite à donner.",
        "Client injoignable après deux appels.",
        "Commentaire déjà traité avec l'équipe.",
    ),
}

CONTACT_NOTES: Final = (
    "Message laissé sur la boîte vocale.",
    "Discussion à l'accueil après le cours.",
    "Courriel de suivi envoyé.",
    "Rappel : client disponible jeudi.",
    "Left a voicemail.",
)

IMPORT_CLOSE_NOTE: Final = "Historique importé de l'application membre : fermé en lot."

EDIT_UP_NOTES: Final = (
    "La cliente voulait mettre 5 étoiles : erreur sur la tablette.",
    "Client pressed the wrong star on the kiosk, confirmed at the desk.",
    "Mauvais cours sélectionné, confirmé avec le client.",
)

EDIT_DOWN_NOTES: Final = (
    "Le client a rappelé : le cours s'est mal passé, il n'osait pas le dire.",
    "Member called back: the class was actually a bad experience.",
)
