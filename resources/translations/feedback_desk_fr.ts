<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AspectSection</name>
    <message>
        <source>What did you like?</source>
        <translation>Qu’avez-vous aimé ?</translation>
    </message>
    <message>
        <source>What could we improve?</source>
        <translation>Que pourrions-nous améliorer ?</translation>
    </message>
    <message>
        <source>+ Add your own</source>
        <translation>+ Ajouter le vôtre</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>Dans vos mots</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Feedback Desk: tell us how it went</source>
        <translation>Feedback Desk : dites-nous comment ça s’est passé</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Quitter le mode borne</translation>
    </message>
    <message>
        <source>Staff only: leave kiosk mode</source>
        <translation>Réservé au personnel : quitter le mode borne</translation>
    </message>
    <message>
        <source>Enter the staff PIN.</source>
        <translation>Entrez le NIP du personnel.</translation>
    </message>
    <message>
        <source>No staff PIN is set, so anyone can leave kiosk mode. Set one in Settings (kiosk.pin).</source>
        <translation>Aucun NIP du personnel n’est défini : n’importe qui peut quitter le mode borne. Définissez-en un dans les Paramètres (kiosk.pin).</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>NIP incorrect. Réessayez.</translation>
    </message>
</context>
<context>
    <name>QuestionScreen</name>
    <message>
        <source>Hello %1!</source>
        <translation>Bonjour %1 !</translation>
    </message>
    <message>
        <source>Tap the stars: 1 is poor, 5 is excellent.</source>
        <translation>Touchez les étoiles : 1 c’est décevant, 5 c’est excellent.</translation>
    </message>
    <message>
        <source>1 star</source>
        <translation>1 étoile</translation>
    </message>
    <message>
        <source>%1 stars</source>
        <translation>%1 étoiles</translation>
    </message>
    <message>
        <source>A comment? (optional)</source>
        <translation>Un commentaire ? (facultatif)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Ignore for now</source>
        <translation>Ignorer pour le moment</translation>
    </message>
    <message>
        <source>Not you? Start over</source>
        <translation>Ce n’est pas vous ? Recommencer</translation>
    </message>
    <message>
        <source>How was %1 with %2 today?</source>
        <translation>Comment était %1 avec %2 aujourd’hui ?</translation>
    </message>
    <message>
        <source>How was %1 with %2 yesterday?</source>
        <translation>Comment était %1 avec %2 hier ?</translation>
    </message>
    <message>
        <source>How was %1 with %2 last %3?</source>
        <translation>Comment était %1 avec %2 %3 dernier ?</translation>
    </message>
    <message>
        <source>How was %1 with %2 on %3?</source>
        <translation>Comment était %1 avec %2 %3 ?</translation>
    </message>
</context>
<context>
    <name>ThanksScreen</name>
    <message>
        <source>Sorry!</source>
        <translation>Désolé !</translation>
    </message>
    <message>
        <source>Thank you, %1!</source>
        <translation>Merci, %1 !</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Merci !</translation>
    </message>
    <message>
        <source>Your opinion helps us make every class better.</source>
        <translation>Votre avis nous aide à améliorer chaque cours.</translation>
    </message>
    <message>
        <source>No problem. Maybe next time!</source>
        <translation>Pas de problème. Une prochaine fois peut-être !</translation>
    </message>
    <message>
        <source>There is nothing to rate for now. See you soon!</source>
        <translation>Il n’y a rien à évaluer pour le moment. À bientôt !</translation>
    </message>
    <message>
        <source>Something went wrong and your answer was not saved. Please tell the front desk.</source>
        <translation>Un problème est survenu et votre réponse n’a pas été enregistrée. Veuillez en informer l’accueil.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Your opinion counts!</source>
        <translation>Votre avis compte !</translation>
    </message>
    <message>
        <source>Type your name or your member number to give your opinion.</source>
        <translation>Tapez votre nom ou votre numéro de membre pour donner votre avis.</translation>
    </message>
    <message>
        <source>Your name or member number</source>
        <translation>Votre nom ou numéro de membre</translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling, or ask at the front desk.</source>
        <translation>Aucun membre trouvé. Vérifiez l’orthographe ou adressez-vous à l’accueil.</translation>
    </message>
    <message>
        <source>Tap your name.</source>
        <translation>Touchez votre nom.</translation>
    </message>
</context>
</TS>
