"""The offline drafts' sentences, per language and occasion, several phrasings each.

A phrasing may name slots the occasion reader found ({event}, {contact}, {role}, {thing},
{news}, {day}, {topic}, {question}); it is used only when they were found, and every occasion has at
least one phrasing without slots. None commits the user to a meeting, date, money or an
introduction: they thank, acknowledge, and say an answer will come.
"""

# Sentences are prose, one per line; wrapping them would make them harder to read.
# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass

from reply_assistant.backends.offline import occasions as o

Phrasings = tuple[str, ...]

EN: dict[str, Phrasings] = {
    o.BIRTHDAY: (
        "Thank you so much for the birthday wishes, that made my day.",
        "Thanks a lot for remembering my birthday, it really means a lot.",
        "Thank you for the lovely birthday message, much appreciated.",
    ),
    o.WORK_ANNIVERSARY: (
        "Thank you for the anniversary wishes, hard to believe it has been that long.",
        "Thanks for remembering the work anniversary, that is kind of you.",
    ),
    o.CONDOLENCE: (
        "Thank you for your kind words about {topic}. It means a lot to hear from you right now.",
        "Thank you for your kind words. It means a lot to hear from you right now.",
        "Thank you for thinking of me and for reaching out; it genuinely helps.",
        "Thank you for your message. Your support means so much at the moment.",
    ),
    o.SENDER_LOSS: (
        "I am so sorry for your loss. Thinking of you and your family.",
        "I am very sorry to hear this. Please take all the time you need.",
    ),
    o.CONGRATULATED: (
        "Thank you so much for the kind words about {news}, that means a lot.",
        "Thank you so much for the kind words about {topic}, that means a lot.",
        "That is very kind of you, thank you for the congratulations on {news}.",
        "Thank you so much for the kind words, that means a lot.",
        "Thanks a lot for the congratulations, really appreciated.",
    ),
    o.FAMILY_NEWS: (
        "Congratulations, that is wonderful news! Wishing you and your family all the best.",
        "What lovely news, congratulations to you both!",
    ),
    o.NEW_JOB: (
        "Congratulations on {news}, that is well deserved.",
        "Congratulations on the new role, {topic} sounds like a great fit.",
        "Congratulations on the new role, that is wonderful news and well deserved.",
        "Great news, congratulations! They are lucky to have you.",
    ),
    o.THANKS: (
        "You're very welcome, and thanks for the note about {thing}. I'm glad it helped.",
        "Glad to hear it, and thank you for letting me know about {thing}.",
        "You're very welcome, and thanks for the update about {topic}.",
        "You're very welcome, I'm glad it was useful.",
        "Happy it helped, and thanks for taking the time to tell me.",
    ),
    o.INTRODUCTION: (
        "Lovely to hear from you, and thanks to {contact} for connecting us.",
        "Thanks for reaching out, and good to hear that {contact} suggested it.",
        "Good to hear from you; any friend of {contact} is welcome here.",
        "Lovely to hear from you, and thanks for the introduction.",
    ),
    o.EVENT_FOLLOW_UP: (
        "It was great to meet you at {event}.",
        "Lovely to connect after {event}, thanks for following up.",
        "Thanks for following up after {event}, I enjoyed our chat.",
        "Thanks for following up, I enjoyed our conversation.",
    ),
    o.INVITATION: (
        "Thank you for the invitation, I'm flattered you thought of me for {topic}. Let me check my calendar and think it over before I give you an answer.",
        "Thanks for thinking of me for {topic}. I'd like to look at my plans for that period before I answer.",
        "Thank you for the kind invitation. Let me check my calendar and think it over before I give you an answer.",
    ),
    o.RECRUITER: (
        "Thanks for thinking of me for the {role} role. Let me think it over and get back to you.",
        "Thank you for reaching out about the {role} position. I'd like to consider it properly before I reply.",
        "Thanks for thinking of me for this role. Let me think it over and get back to you.",
    ),
    o.REFERRAL_OFFER: (
        "That is kind of you to think of me, and thanks for the note about {topic}. Let me think about it and come back to you.",
        "Thanks for the offer and for thinking of me. Let me think about it and come back to you.",
    ),
    o.SCHEDULING: (
        "Thanks, noted: {day}.",
        "Got it, {day} it is. Thanks!",
        "Thanks for confirming {day}.",
        "Thanks, noted.",
    ),
    o.CATCH_UP: (
        "So good to hear from you, it has been too long! Lovely to hear about {topic}.",
        "Great to hear from you! {topic} brings back memories.",
        "So good to hear from you, it has been far too long!",
        "What a nice surprise to hear from you, thanks for reaching out.",
    ),
    o.QUESTION: (
        "Thanks for reaching out about {topic}.",
        "Good to hear from you, and thanks for the note about {topic}.",
        "Thanks for getting in touch.",
    ),
    o.GENERAL: (
        "Thanks for the note about {topic}, good to hear from you.",
        "Great to hear from you, and thanks for sharing {topic}.",
        "Great to hear from you, and thanks for getting in touch.",
    ),
}
EN_ANSWER_LATER: Phrasings = (
    "Let me look into your question about {question} and come back to you properly.",
    "Let me look into your question and come back to you properly.",
    "Let me think your question over and get back to you.",
)
EN_DECLINE: Phrasings = (
    "Thank you for thinking of me, but I'm not interested, so I'll pass.",
    "Thanks for reaching out, but this is not something I'm interested in.",
    "I appreciate the message, but I'm not interested at the moment.",
)
EN_CLARIFY: Phrasings = (
    "Thanks for your message. Could you tell me a bit more about what you have in mind?",
    "Thanks for reaching out. What would you like to talk about?",
    "Thanks for getting in touch. Could you say a little more about what this is about?",
)

ES: dict[str, Phrasings] = {
    o.BIRTHDAY: (
        "Muchas gracias por las felicitaciones de cumpleaños, me alegraste el día.",
        "Gracias por acordarte de mi cumpleaños, significa mucho para mí.",
    ),
    o.WORK_ANNIVERSARY: (
        "Muchas gracias por acordarte del aniversario, cómo pasa el tiempo.",
        "Gracias por la felicitación por el aniversario, muy amable.",
    ),
    o.CONDOLENCE: (
        "Muchas gracias por tus palabras sobre {topic}. Significan mucho para mí en este momento.",
        "Muchas gracias por tus palabras. Significan mucho para mí en este momento.",
        "Gracias por pensar en mí y por escribirme; de verdad ayuda.",
    ),
    o.SENDER_LOSS: (
        "Lo siento muchísimo. Un abrazo para ti y tu familia.",
        "Siento mucho tu pérdida. Tómate todo el tiempo que necesites.",
    ),
    o.CONGRATULATED: (
        "Muchas gracias por tus palabras sobre {news}, significan mucho para mí.",
        "Muchas gracias por tus palabras sobre {topic}, significan mucho para mí.",
        "Muchas gracias por tus palabras, significan mucho para mí.",
        "Gracias por la felicitación, de verdad.",
    ),
    o.FAMILY_NEWS: (
        "¡Enhorabuena, qué noticia tan bonita! Os deseo lo mejor.",
        "¡Qué alegría, muchísimas felicidades!",
    ),
    o.NEW_JOB: (
        "Enhorabuena por {news}, es muy merecido.",
        "¡Enhorabuena por el nuevo puesto, es muy merecido!",
        "¡Qué buena noticia, enhorabuena!",
    ),
    o.THANKS: (
        "De nada, y gracias por contarme lo de {thing}. Me alegra que te haya servido.",
        "De nada, me alegra que te haya sido útil.",
        "Me alegra que haya ayudado, gracias por contármelo.",
    ),
    o.INTRODUCTION: (
        "Qué gusto saber de ti, y gracias a {contact} por ponernos en contacto.",
        "Gracias por escribirme, y qué bien que {contact} te lo sugiriera.",
        "Qué gusto saber de ti, gracias por escribirme.",
    ),
    o.EVENT_FOLLOW_UP: (
        "Fue un placer conocerte en {event}.",
        "Gracias por escribirme después de {event}, disfruté la conversación.",
        "Gracias por escribirme, disfruté la conversación.",
    ),
    o.INVITATION: (
        "Muchas gracias por la invitación a {topic}, me hace ilusión que pensaras en mí. Déjame revisar mi agenda y pensarlo antes de responderte.",
        "Gracias por pensar en mí para {topic}. Quiero mirar mis planes para esas fechas antes de contestarte.",
        "Muchas gracias por la invitación. Déjame revisar mi agenda y pensarlo antes de responderte.",
    ),
    o.RECRUITER: (
        "Gracias por pensar en mí para el puesto de {role}. Déjame pensarlo y te respondo.",
        "Gracias por pensar en mí para este puesto. Déjame pensarlo y te respondo.",
    ),
    o.REFERRAL_OFFER: (
        "Muy amable por pensar en mí, y gracias por lo de {topic}. Déjame pensarlo y te digo algo.",
        "Gracias por la oferta y por pensar en mí. Déjame pensarlo y te digo algo.",
    ),
    o.SCHEDULING: (
        "Gracias, anotado: {day}.",
        "Perfecto, gracias por confirmar {day}.",
        "Gracias, anotado.",
    ),
    o.CATCH_UP: (
        "¡Qué alegría saber de ti, ha pasado demasiado tiempo! Me encanta lo de {topic}.",
        "¡Qué alegría saber de ti, ha pasado demasiado tiempo!",
        "Qué sorpresa tan bonita, gracias por escribirme.",
    ),
    o.QUESTION: (
        "Gracias por escribirme sobre {topic}.",
        "Qué gusto saber de ti, y gracias por escribirme sobre {topic}.",
        "Gracias por escribirme.",
    ),
    o.GENERAL: (
        "Gracias por contarme lo de {topic}, qué gusto saber de ti.",
        "Qué gusto saber de ti, y gracias por escribirme.",
    ),
}
FR: dict[str, Phrasings] = {
    o.BIRTHDAY: (
        "Merci beaucoup pour les vœux d'anniversaire, cela m'a fait très plaisir.",
        "Merci d'avoir pensé à mon anniversaire, cela me touche beaucoup.",
    ),
    o.WORK_ANNIVERSARY: (
        "Merci pour le message d'anniversaire, le temps passe vite.",
        "Merci d'avoir pensé à cet anniversaire, c'est très gentil.",
    ),
    o.CONDOLENCE: (
        "Merci pour ton message au sujet de {topic}. Cela me touche beaucoup en ce moment.",
        "Merci pour ton message. Cela me touche beaucoup en ce moment.",
        "Merci d'avoir pensé à moi et de m'avoir écrit ; cela compte beaucoup.",
    ),
    o.SENDER_LOSS: (
        "Je suis profondément désolé pour ta perte. Je pense bien à toi et à ta famille.",
        "Je suis vraiment désolé. Prends tout le temps qu'il te faut.",
    ),
    o.CONGRATULATED: (
        "Merci beaucoup pour ces gentils mots sur {news}, cela me touche.",
        "Merci beaucoup pour ces gentils mots sur {topic}, cela me touche.",
        "Merci beaucoup pour ces gentils mots, cela me touche.",
        "Merci pour les félicitations, c'est très gentil.",
    ),
    o.FAMILY_NEWS: (
        "Félicitations, quelle merveilleuse nouvelle ! Tous mes vœux de bonheur.",
        "Quelle belle nouvelle, toutes mes félicitations !",
    ),
    o.NEW_JOB: (
        "Félicitations pour {news}, c'est bien mérité.",
        "Félicitations pour le nouveau poste, c'est une excellente nouvelle et bien méritée.",
        "Excellente nouvelle, félicitations !",
    ),
    o.THANKS: (
        "Avec plaisir, et merci pour ton message au sujet de {thing}. Ravi que cela t'ait aidé.",
        "Avec plaisir, tant mieux si cela a été utile.",
        "Ravi que cela ait aidé, merci de me l'avoir dit.",
    ),
    o.INTRODUCTION: (
        "Merci pour le message, et merci à {contact} pour la mise en relation.",
        "Merci de m'avoir écrit, et ravi que {contact} te l'ait suggéré.",
        "Merci pour le message, cela fait plaisir.",
    ),
    o.EVENT_FOLLOW_UP: (
        "C'était un plaisir de faire connaissance à {event}.",
        "Merci pour ce message après {event}, j'ai apprécié notre échange.",
        "Merci pour ce message, j'ai apprécié notre échange.",
    ),
    o.INVITATION: (
        "Merci beaucoup pour l'invitation pour {topic}, je suis touché que tu aies pensé à moi. Laisse-moi regarder mon agenda et y réfléchir avant de te répondre.",
        "Merci d'avoir pensé à moi pour {topic}. Je regarde mon planning avant de te répondre.",
        "Merci beaucoup pour l'invitation. Laisse-moi regarder mon agenda et y réfléchir avant de te répondre.",
    ),
    o.RECRUITER: (
        "Merci d'avoir pensé à moi pour le poste de {role}. Laissez-moi y réfléchir et je reviens vers vous.",
        "Merci d'avoir pensé à moi pour ce poste. Laissez-moi y réfléchir et je reviens vers vous.",
    ),
    o.REFERRAL_OFFER: (
        "C'est gentil d'avoir pensé à moi, merci pour la proposition au sujet de {topic}. Laisse-moi y réfléchir et je reviens vers toi.",
        "Merci pour la proposition et d'avoir pensé à moi. Laisse-moi y réfléchir et je reviens vers toi.",
    ),
    o.SCHEDULING: (
        "Merci, c'est noté : {day}.",
        "Parfait, merci de confirmer {day}.",
        "Merci, c'est noté.",
    ),
    o.CATCH_UP: (
        "Quel plaisir d'avoir de tes nouvelles, cela faisait trop longtemps ! Cela me rappelle {topic}.",
        "Quel plaisir d'avoir de tes nouvelles, cela faisait trop longtemps !",
        "Quelle bonne surprise, merci pour ton message.",
    ),
    o.QUESTION: (
        "Merci pour ton message au sujet de {topic}.",
        "Merci pour le message, et pour la question sur {topic}.",
        "Merci pour ton message.",
    ),
    o.GENERAL: (
        "Merci pour ton message au sujet de {topic}, cela fait plaisir d'avoir des nouvelles.",
        "Merci pour le message, cela fait plaisir d'avoir des nouvelles.",
    ),
}
DE: dict[str, Phrasings] = {
    o.BIRTHDAY: (
        "Vielen Dank für die Geburtstagsglückwünsche, das hat mich sehr gefreut.",
        "Danke, dass du an meinen Geburtstag gedacht hast, das bedeutet mir viel.",
    ),
    o.WORK_ANNIVERSARY: (
        "Vielen Dank für die Glückwünsche zum Jubiläum, die Zeit vergeht schnell.",
        "Danke, dass du an das Jubiläum gedacht hast, sehr lieb.",
    ),
    o.CONDOLENCE: (
        "Danke für deine Worte zu {topic}. Das bedeutet mir gerade sehr viel.",
        "Danke für deine Worte. Das bedeutet mir gerade sehr viel.",
        "Danke, dass du an mich denkst und mir geschrieben hast; das hilft wirklich.",
    ),
    o.SENDER_LOSS: (
        "Das tut mir sehr leid. Ich denke an dich und deine Familie.",
        "Mein herzliches Beileid. Nimm dir alle Zeit, die du brauchst.",
    ),
    o.CONGRATULATED: (
        "Vielen Dank für die netten Worte zu {news}, das freut mich sehr.",
        "Vielen Dank für die netten Worte zu {topic}, das freut mich sehr.",
        "Vielen Dank für die netten Worte, das freut mich sehr.",
        "Danke für die Glückwünsche, das ist sehr lieb.",
    ),
    o.FAMILY_NEWS: (
        "Herzlichen Glückwunsch, was für schöne Neuigkeiten! Alles Gute für euch.",
        "Wie schön, herzlichen Glückwunsch euch beiden!",
    ),
    o.NEW_JOB: (
        "Herzlichen Glückwunsch zu {news}, das ist wohlverdient.",
        "Herzlichen Glückwunsch zur neuen Stelle, das sind großartige Neuigkeiten.",
        "Tolle Neuigkeiten, herzlichen Glückwunsch!",
    ),
    o.THANKS: (
        "Sehr gern, und danke für die Nachricht zu {thing}. Schön, dass es geholfen hat.",
        "Sehr gern, schön, dass es hilfreich war.",
        "Freut mich, dass es geholfen hat, danke für die Rückmeldung.",
    ),
    o.INTRODUCTION: (
        "Danke für die Nachricht, und danke an {contact} für die Vermittlung.",
        "Danke, dass du dich meldest, und schön, dass {contact} es vorgeschlagen hat.",
        "Danke für die Nachricht, das freut mich sehr.",
    ),
    o.EVENT_FOLLOW_UP: (
        "Schön, dass wir uns bei {event} kennengelernt haben.",
        "Danke für die Nachricht nach {event}, das Gespräch hat mir gefallen.",
        "Danke für die Nachricht, das Gespräch hat mir gefallen.",
    ),
    o.INVITATION: (
        "Vielen Dank für die Einladung zu {topic}, es freut mich, dass ihr an mich gedacht habt. Ich schaue in meinen Kalender und denke darüber nach, bevor ich antworte.",
        "Danke, dass ihr bei {topic} an mich gedacht habt. Ich prüfe meine Pläne für diese Zeit, bevor ich antworte.",
        "Vielen Dank für die Einladung. Ich schaue in meinen Kalender und denke darüber nach, bevor ich antworte.",
    ),
    o.RECRUITER: (
        "Danke, dass Sie bei der Position {role} an mich gedacht haben. Ich denke darüber nach und melde mich.",
        "Danke, dass Sie bei dieser Position an mich gedacht haben. Ich denke darüber nach und melde mich.",
    ),
    o.REFERRAL_OFFER: (
        "Danke, dass du an mich gedacht hast, auch wegen {topic}. Ich denke darüber nach und melde mich.",
        "Danke für das Angebot und dass du an mich gedacht hast. Ich denke darüber nach und melde mich.",
    ),
    o.SCHEDULING: (
        "Danke, notiert: {day}.",
        "Perfekt, danke für die Bestätigung für {day}.",
        "Danke, notiert.",
    ),
    o.CATCH_UP: (
        "Wie schön, von dir zu hören, es ist viel zu lange her! {topic} weckt Erinnerungen.",
        "Wie schön, von dir zu hören, es ist viel zu lange her!",
        "Was für eine schöne Überraschung, danke für die Nachricht.",
    ),
    o.QUESTION: (
        "Danke für deine Nachricht zu {topic}.",
        "Schön, von dir zu hören, und danke für die Nachricht zu {topic}.",
        "Danke für deine Nachricht.",
    ),
    o.GENERAL: (
        "Danke für die Nachricht zu {topic}, das freut mich sehr.",
        "Danke für die Nachricht, das freut mich sehr.",
    ),
}
PT: dict[str, Phrasings] = {
    o.BIRTHDAY: (
        "Muito obrigado pelos parabéns de aniversário, alegrou o meu dia.",
        "Obrigado por lembrar do meu aniversário, significa muito para mim.",
    ),
    o.WORK_ANNIVERSARY: (
        "Obrigado pela mensagem de aniversário de empresa, o tempo voa.",
        "Obrigado por lembrar do aniversário, muito gentil.",
    ),
    o.CONDOLENCE: (
        "Obrigado pelas suas palavras sobre {topic}. Significam muito para mim neste momento.",
        "Obrigado pelas suas palavras. Significam muito para mim neste momento.",
        "Obrigado por pensar em mim e por escrever; ajuda de verdade.",
    ),
    o.SENDER_LOSS: (
        "Sinto muito pela sua perda. Um abraço para você e sua família.",
        "Sinto muito. Tire todo o tempo de que precisar.",
    ),
    o.CONGRATULATED: (
        "Agradeço muito as palavras gentis sobre {news}, significam muito para mim.",
        "Agradeço muito as palavras gentis sobre {topic}, significam muito para mim.",
        "Agradeço muito as palavras gentis, significam muito para mim.",
        "Obrigado pelos parabéns, de verdade.",
    ),
    o.FAMILY_NEWS: (
        "Parabéns, que notícia maravilhosa! Tudo de bom para vocês.",
        "Que notícia linda, muitos parabéns!",
    ),
    o.NEW_JOB: (
        "Parabéns por {news}, é muito merecido.",
        "Parabéns pelo novo cargo, é uma ótima notícia e muito merecida.",
        "Que ótima notícia, parabéns!",
    ),
    o.THANKS: (
        "De nada, e obrigado por me contar sobre {thing}. Fico muito feliz que tenha ajudado você.",
        "De nada, fico muito feliz que tenha sido útil para você.",
        "Que bom que ajudou, obrigado por me contar.",
    ),
    o.INTRODUCTION: (
        "Que bom ter notícias suas, e agradeço a {contact} por nos colocar em contato.",
        "Obrigado por escrever, e que bom que {contact} sugeriu.",
        "Que bom ter notícias suas, obrigado pela mensagem.",
    ),
    o.EVENT_FOLLOW_UP: (
        "Foi um prazer conhecer você em {event}.",
        "Obrigado por escrever depois de {event}, gostei da conversa.",
        "Obrigado por escrever, gostei da conversa.",
    ),
    o.INVITATION: (
        "Muito obrigado pelo convite para {topic}, fico feliz que tenha pensado em mim. Vou ver minha agenda e pensar com calma antes de responder.",
        "Obrigado por pensar em mim para {topic}. Vou ver meus planos para esse período antes de responder.",
        "Muito obrigado pelo convite. Vou ver minha agenda e pensar com calma antes de responder.",
    ),
    o.RECRUITER: (
        "Obrigado por pensar em mim para a vaga de {role}. Vou pensar com calma e te respondo.",
        "Obrigado por pensar em mim para esta vaga. Vou pensar com calma e te respondo.",
    ),
    o.REFERRAL_OFFER: (
        "Muito gentil pensar em mim, e obrigado pela ideia sobre {topic}. Vou pensar e te digo.",
        "Obrigado pela oferta e por pensar em mim. Vou pensar e te digo.",
    ),
    o.SCHEDULING: (
        "Obrigado, anotado: {day}.",
        "Perfeito, obrigado por confirmar {day}.",
        "Obrigado, anotado.",
    ),
    o.CATCH_UP: (
        "Que bom ter notícias suas, faz tempo demais! Adorei saber de {topic}.",
        "Que bom ter notícias suas, faz tempo demais!",
        "Que surpresa boa, obrigado pela mensagem.",
    ),
    o.QUESTION: (
        "Obrigado por escrever sobre {topic}.",
        "Que bom ter notícias suas, e obrigado pela mensagem sobre {topic}.",
        "Obrigado pela mensagem.",
    ),
    o.GENERAL: (
        "Obrigado pela mensagem sobre {topic}, que bom ter notícias suas.",
        "Que bom ter notícias suas, e agradeço a mensagem.",
    ),
}
IT: dict[str, Phrasings] = {
    o.BIRTHDAY: (
        "Grazie mille per gli auguri di compleanno, mi hai fatto felice.",
        "Grazie per esserti ricordato del mio compleanno, significa molto.",
    ),
    o.WORK_ANNIVERSARY: (
        "Grazie per gli auguri per l'anniversario, il tempo vola.",
        "Grazie per esserti ricordato dell'anniversario, molto gentile.",
    ),
    o.CONDOLENCE: (
        "Grazie per le tue parole su {topic}. Significano molto per me in questo momento.",
        "Grazie per le tue parole. Significano molto per me in questo momento.",
        "Grazie per aver pensato a me e per avermi scritto; aiuta davvero.",
    ),
    o.SENDER_LOSS: (
        "Mi dispiace tantissimo per la tua perdita. Un abbraccio a te e alla tua famiglia.",
        "Mi dispiace davvero. Prenditi tutto il tempo che ti serve.",
    ),
    o.CONGRATULATED: (
        "Grazie mille per le belle parole su {news}, mi fa davvero piacere.",
        "Grazie mille per le belle parole su {topic}, mi fa davvero piacere.",
        "Grazie mille per le belle parole, mi fa davvero piacere.",
        "Grazie per i complimenti, davvero.",
    ),
    o.FAMILY_NEWS: (
        "Congratulazioni, che notizia meravigliosa! Tanti auguri a voi.",
        "Che bella notizia, congratulazioni a entrambi!",
    ),
    o.NEW_JOB: (
        "Congratulazioni per {news}, te lo meriti.",
        "Congratulazioni per il nuovo ruolo, è una notizia splendida e meritatissima.",
        "Che bella notizia, congratulazioni!",
    ),
    o.THANKS: (
        "Figurati, e grazie per avermi scritto di {thing}. Mi fa piacere che sia servito.",
        "Figurati, mi fa piacere che ti sia stato utile.",
        "Sono contento che sia servito, grazie per avermelo detto.",
    ),
    o.INTRODUCTION: (
        "Che piacere sentirti, e grazie a {contact} per averci messo in contatto.",
        "Grazie per avermi scritto, e che bello che {contact} te l'abbia suggerito.",
        "Che piacere sentirti, grazie per avermi scritto.",
    ),
    o.EVENT_FOLLOW_UP: (
        "È stato un piacere conoscerti a {event}.",
        "Grazie per avermi scritto dopo {event}, mi è piaciuta la chiacchierata.",
        "Grazie per avermi scritto, mi è piaciuta la chiacchierata.",
    ),
    o.INVITATION: (
        "Grazie mille per l'invito a {topic}, mi fa piacere che tu abbia pensato a me. Lascia che guardi il calendario e ci pensi prima di risponderti.",
        "Grazie per aver pensato a me per {topic}. Guardo i miei impegni per quel periodo prima di risponderti.",
        "Grazie mille per l'invito. Lascia che guardi il calendario e ci pensi prima di risponderti.",
    ),
    o.RECRUITER: (
        "Grazie per aver pensato a me per il ruolo di {role}. Ci penso con calma e ti rispondo.",
        "Grazie per aver pensato a me per questo ruolo. Ci penso con calma e ti rispondo.",
    ),
    o.REFERRAL_OFFER: (
        "Gentilissimo a pensare a me, e grazie per l'idea su {topic}. Ci penso e ti faccio sapere.",
        "Grazie per l'offerta e per aver pensato a me. Ci penso e ti faccio sapere.",
    ),
    o.SCHEDULING: (
        "Grazie, segnato: {day}.",
        "Perfetto, grazie per la conferma di {day}.",
        "Grazie, segnato.",
    ),
    o.CATCH_UP: (
        "Che bello sentirti, è passato troppo tempo! Mi fa piacere sapere di {topic}.",
        "Che bello sentirti, è passato troppo tempo!",
        "Che bella sorpresa, grazie per avermi scritto.",
    ),
    o.QUESTION: (
        "Grazie per avermi scritto su {topic}.",
        "Che piacere sentirti, e grazie per il messaggio su {topic}.",
        "Grazie per il messaggio.",
    ),
    o.GENERAL: (
        "Grazie per il messaggio su {topic}, che piacere sentirti.",
        "Che piacere sentirti, e grazie per avermi scritto.",
    ),
}
NL: dict[str, Phrasings] = {
    o.BIRTHDAY: (
        "Heel erg bedankt voor de verjaardagswensen, daar werd ik blij van.",
        "Bedankt dat je aan mijn verjaardag dacht, dat waardeer ik enorm.",
    ),
    o.WORK_ANNIVERSARY: (
        "Bedankt voor de felicitatie met het jubileum, de tijd gaat snel.",
        "Bedankt dat je aan het jubileum dacht, heel lief.",
    ),
    o.CONDOLENCE: (
        "Dank je voor je woorden over {topic}. Dat betekent nu veel voor me.",
        "Dank je voor je woorden. Dat betekent nu veel voor me.",
        "Dank je dat je aan me denkt en me schreef; dat helpt echt.",
    ),
    o.SENDER_LOSS: (
        "Wat erg, gecondoleerd. Ik denk aan jou en je familie.",
        "Wat verdrietig. Neem alle tijd die je nodig hebt.",
    ),
    o.CONGRATULATED: (
        "Heel erg bedankt voor je lieve woorden over {news}, dat waardeer ik enorm.",
        "Heel erg bedankt voor je lieve woorden over {topic}, dat waardeer ik enorm.",
        "Heel erg bedankt voor je lieve woorden, dat waardeer ik enorm.",
        "Dank je voor de felicitatie, echt lief.",
    ),
    o.FAMILY_NEWS: (
        "Gefeliciteerd, wat een prachtig nieuws! Het allerbeste voor jullie.",
        "Wat mooi nieuws, van harte gefeliciteerd!",
    ),
    o.NEW_JOB: (
        "Gefeliciteerd met {news}, helemaal verdiend.",
        "Gefeliciteerd met de nieuwe functie, wat een mooi nieuws en helemaal verdiend.",
        "Mooi nieuws, gefeliciteerd!",
    ),
    o.THANKS: (
        "Graag gedaan, en bedankt voor je bericht over {thing}. Fijn dat het hielp.",
        "Graag gedaan, fijn dat het nuttig was.",
        "Fijn dat het hielp, bedankt dat je het laat weten.",
    ),
    o.INTRODUCTION: (
        "Leuk om van je te horen, en dank aan {contact} voor de introductie.",
        "Bedankt voor je bericht, en leuk dat {contact} het voorstelde.",
        "Leuk om van je te horen, bedankt voor je bericht.",
    ),
    o.EVENT_FOLLOW_UP: (
        "Het was leuk je te ontmoeten op {event}.",
        "Bedankt voor je bericht na {event}, ik vond het een fijn gesprek.",
        "Bedankt voor je bericht, ik vond het een fijn gesprek.",
    ),
    o.INVITATION: (
        "Heel erg bedankt voor de uitnodiging voor {topic}, leuk dat je aan mij dacht. Ik kijk even in mijn agenda en denk erover na voordat ik antwoord.",
        "Bedankt dat je aan mij dacht voor {topic}. Ik kijk naar mijn planning voor die periode voordat ik antwoord.",
        "Heel erg bedankt voor de uitnodiging. Ik kijk even in mijn agenda en denk erover na voordat ik antwoord.",
    ),
    o.RECRUITER: (
        "Bedankt dat je aan mij dacht voor de functie {role}. Ik denk erover na en kom erop terug.",
        "Bedankt dat je aan mij dacht voor deze functie. Ik denk erover na en kom erop terug.",
    ),
    o.REFERRAL_OFFER: (
        "Leuk dat je aan mij dacht, en bedankt voor het idee over {topic}. Ik denk erover na en laat het je weten.",
        "Bedankt voor het aanbod en dat je aan mij dacht. Ik denk erover na en laat het je weten.",
    ),
    o.SCHEDULING: (
        "Dank je, genoteerd: {day}.",
        "Top, bedankt voor het bevestigen van {day}.",
        "Dank je, genoteerd.",
    ),
    o.CATCH_UP: (
        "Wat leuk om van je te horen, het is veel te lang geleden! Leuk om over {topic} te horen.",
        "Wat leuk om van je te horen, het is veel te lang geleden!",
        "Wat een leuke verrassing, bedankt voor je bericht.",
    ),
    o.QUESTION: (
        "Bedankt voor je bericht over {topic}.",
        "Leuk om van je te horen, en bedankt voor je bericht over {topic}.",
        "Bedankt voor je bericht.",
    ),
    o.GENERAL: (
        "Bedankt voor je bericht over {topic}, leuk om van je te horen.",
        "Leuk om van je te horen, en bedankt voor je bericht.",
    ),
}

# Per language: (occasion phrasings, answer-later closings, declines, clarifying questions).
ANSWER_LATER: dict[str, Phrasings] = {
    "en": EN_ANSWER_LATER,
    "es": (
        "Déjame ver tu pregunta sobre {question} con calma y te respondo.",
        "Déjame ver tu pregunta con calma y te respondo.",
    ),
    "fr": (
        "Laisse-moi regarder ta question sur {question} et je te réponds dès que possible.",
        "Laisse-moi regarder ta question et je te réponds dès que possible.",
    ),
    "de": (
        "Ich schaue mir deine Frage zu {question} in Ruhe an und melde mich dann.",
        "Ich schaue mir deine Frage in Ruhe an und melde mich dann.",
    ),
    "pt": (
        "Vou ver sua pergunta sobre {question} com calma e depois te respondo.",
        "Vou ver sua pergunta com calma e depois te respondo.",
    ),
    "it": (
        "Lascia che guardi con calma la tua domanda su {question} e ti rispondo.",
        "Lascia che guardi con calma la tua domanda e ti rispondo.",
    ),
    "nl": (
        "Ik kijk rustig naar je vraag over {question} en kom er dan op terug.",
        "Ik kijk rustig naar je vraag en kom er dan op terug.",
    ),
}
DECLINES: dict[str, Phrasings] = {
    "en": EN_DECLINE,
    "es": (
        "Gracias por pensar en mí, pero no me interesa.",
        "Gracias por escribirme, pero no estoy interesado en este momento.",
    ),
    "fr": (
        "Merci d'avoir pensé à moi, mais cela ne m'intéresse pas.",
        "Merci pour le message, mais je ne suis pas intéressé pour le moment.",
    ),
    "de": (
        "Danke, dass Sie an mich gedacht haben, aber ich habe kein Interesse.",
        "Danke für die Nachricht, aber ich habe derzeit kein Interesse.",
    ),
    "pt": (
        "Agradeço o contato, mas não tenho interesse.",
        "Obrigado pela mensagem, mas não tenho interesse no momento.",
    ),
    "it": (
        "Grazie per aver pensato a me, ma non mi interessa.",
        "Grazie per il messaggio, ma al momento non mi interessa.",
    ),
    "nl": (
        "Bedankt dat je aan mij dacht, maar ik heb geen interesse.",
        "Bedankt voor je bericht, maar ik heb op dit moment geen interesse.",
    ),
}
# A connection's pitch: the decline is as firm, and says it was good to hear from them,
# since being connected is often all there is (the seed's "connected is not friends").
DECLINES_TO_CONNECTION: dict[str, Phrasings] = {
    "en": (
        "Good to hear from you, but this isn't something I need, so I'll pass. All the best with it.",
        "Nice to hear from you. I'm not looking for anything like this right now, so I'll pass, but good luck with it.",
    ),
    "es": (
        "Me alegra saber de ti, pero no es algo que necesite, así que paso. Mucha suerte con ello.",
        "Qué gusto saber de ti. Ahora mismo no busco nada parecido, así que paso, pero te deseo mucha suerte.",
    ),
    "fr": (
        "Ravi d'avoir de vos nouvelles, mais cela ne m'intéresse pas, donc je passe mon tour. Bonne continuation.",
        "Content d'avoir de vos nouvelles. Je ne cherche rien de ce genre pour le moment, donc je passe, mais bonne chance pour la suite.",
    ),
    "de": (
        "Schön, von Ihnen zu hören, aber ich habe kein Interesse, deshalb verzichte ich. Alles Gute damit.",
        "Nett, von Ihnen zu hören, aber ich habe derzeit kein Interesse. Viel Erfolg damit.",
    ),
    "pt": (
        "Que bom ter notícias suas, mas não tenho interesse, então vou passar. Boa sorte com isso.",
        "Bom saber de você. No momento não preciso de nada assim, então vou passar, mas desejo muito sucesso.",
    ),
    "it": (
        "Che piacere sentirti, ma non mi interessa, quindi passo. In bocca al lupo.",
        "Fa piacere sentirti. Al momento non ho bisogno di niente del genere, quindi passo, ma ti auguro buona fortuna.",
    ),
    "nl": (
        "Leuk om van je te horen, maar dit heb ik niet nodig, dus ik sla het over. Veel succes ermee.",
        "Fijn om van je te horen. Ik heb hier momenteel geen behoefte aan, dus ik pas, maar veel succes.",
    ),
}
CLARIFY: dict[str, Phrasings] = {
    "en": EN_CLARIFY,
    "es": (
        "Gracias por tu mensaje. ¿Podrías contarme un poco más sobre lo que tienes en mente?",
        "Gracias por escribirme. ¿De qué te gustaría hablar?",
    ),
    "fr": (
        "Merci pour votre message. Pourriez-vous m'en dire un peu plus sur ce que vous avez en tête ?",
        "Merci pour le message. De quoi souhaitez-vous parler ?",
    ),
    "de": (
        "Danke für Ihre Nachricht. Könnten Sie mir etwas genauer sagen, worum es Ihnen geht?",
        "Danke für die Nachricht. Worüber möchten Sie sprechen?",
    ),
    "pt": (
        "Agradeço a mensagem. Pode me contar um pouco mais sobre o que você tem em mente?",
        "Obrigado pela mensagem. Sobre o que você gostaria de conversar?",
    ),
    "it": (
        "Grazie per il messaggio. Potresti dirmi qualcosa in più su ciò che hai in mente?",
        "Grazie per avermi scritto. Di cosa vorresti parlare?",
    ),
    "nl": (
        "Bedankt voor je bericht. Kun je iets meer vertellen over wat je in gedachten hebt?",
        "Bedankt voor je bericht. Waar wil je het over hebben?",
    ),
}
# The German and French clarifying questions above say Sie and vous, for a stranger. To a
# sender who writes du or tu (`register.addresses_familiarly`), these, by the kind of ask
# (`unclear_asks`; "": the general ones).
FAMILIAR_CLARIFY: dict[str, dict[str, Phrasings]] = {
    "": {
        "de": (
            "Danke für deine Nachricht. Kannst du mir etwas genauer sagen, worum es dir geht?",
            "Danke für die Nachricht. Worüber möchtest du sprechen?",
        ),
        "fr": (
            "Merci pour ton message. Tu peux m'en dire un peu plus sur ce que tu as en tête ?",
            "Merci pour le message. De quoi aimerais-tu parler ?",
        ),
    },
    "price": {
        "de": (
            "Danke für deine Anfrage. Kannst du mir etwas genauer sagen, was du brauchst, damit ich sehe, was das umfassen würde?",
            "Danke für deine Nachricht. Was genau suchst du, damit ich dir eine richtige Antwort geben kann?",
        ),
        "fr": (
            "Merci pour ta demande. Tu peux m'en dire un peu plus sur ce dont tu as besoin, pour que je voie ce que cela représenterait ?",
            "Merci pour ton message. Que cherches-tu exactement, pour que je puisse te répondre correctement ?",
        ),
    },
    "question": {
        "de": (
            "Danke für deine Nachricht. Gern, was ist deine Frage?",
            "Danke, dass du dich meldest. Was möchtest du mich fragen?",
        ),
        "fr": (
            "Merci pour ton message. Bien sûr, quelle est ta question ?",
            "Merci de m'avoir écrit. Qu'est-ce que tu voulais me demander ?",
        ),
    },
    "proposal": {
        "de": (
            "Danke für deine Nachricht. Kannst du mir ein paar Einzelheiten zu deinem Vorschlag nennen?",
            "Danke, dass du dich meldest. Was genau schwebt dir vor, und wie würde das ablaufen?",
        ),
        "fr": (
            "Merci pour ton message. Tu peux me donner quelques détails sur ce que tu proposes ?",
            "Merci de m'avoir écrit. Qu'as-tu en tête exactement, et comment cela fonctionnerait-il ?",
        ),
    },
}
# The clarifying question for a vague ask of a known kind (`unclear_asks`). None names a
# price or agrees to anything: it asks what is wanted.
CLARIFY_BY_ASK: dict[str, dict[str, Phrasings]] = {
    "price": {
        "en": (
            "Thanks for asking. Could you tell me a bit more about what you need, so I can see what it would involve?",
            "Thanks for getting in touch. What exactly are you looking for, so I can give you a proper answer?",
        ),
        "es": (
            "Gracias por preguntar. ¿Podrías contarme un poco más sobre lo que necesitas, para ver qué implicaría?",
            "Gracias por escribirme. ¿Qué necesitas exactamente, para poder darte una respuesta adecuada?",
        ),
        "fr": (
            "Merci pour votre demande. Pourriez-vous m'en dire un peu plus sur ce dont vous avez besoin, pour que je voie ce que cela représenterait ?",
            "Merci pour votre message. Que recherchez-vous exactement, pour que je puisse vous répondre correctement ?",
        ),
        "de": (
            "Danke für Ihre Anfrage. Könnten Sie mir etwas genauer sagen, was Sie brauchen, damit ich sehe, was das umfassen würde?",
            "Danke für Ihre Nachricht. Was genau suchen Sie, damit ich Ihnen eine richtige Antwort geben kann?",
        ),
        "pt": (
            "Obrigado pela pergunta. Pode me contar um pouco mais sobre o que você precisa, para eu ver o que isso envolveria?",
            "Agradeço a mensagem. O que exatamente você procura, para eu poder dar uma resposta adequada?",
        ),
        "it": (
            "Grazie per la richiesta. Potresti dirmi qualcosa in più su ciò di cui hai bisogno, così vedo cosa comporterebbe?",
            "Grazie per il messaggio. Che cosa cerchi esattamente, così posso darti una risposta precisa?",
        ),
        "nl": (
            "Bedankt voor je vraag. Kun je iets meer vertellen over wat je nodig hebt, zodat ik kan zien wat het zou inhouden?",
            "Bedankt voor je bericht. Wat zoek je precies, zodat ik je een goed antwoord kan geven?",
        ),
    },
    "question": {
        "en": (
            "Thanks for reaching out. Of course, what is your question?",
            "Good to hear from you. What would you like to ask?",
        ),
        "es": (
            "Gracias por escribirme. Claro, ¿cuál es tu pregunta?",
            "Gracias por el mensaje. ¿Qué te gustaría preguntarme?",
        ),
        "fr": (
            "Merci pour votre message. Bien sûr, quelle est votre question ?",
            "Merci de m'avoir écrit. Que souhaitez-vous me demander ?",
        ),
        "de": (
            "Danke für Ihre Nachricht. Gern, was ist Ihre Frage?",
            "Danke, dass Sie sich melden. Was möchten Sie mich fragen?",
        ),
        "pt": (
            "Obrigado pela mensagem. Claro, qual é a sua pergunta?",
            "Agradeço o contato. O que você gostaria de me perguntar?",
        ),
        "it": (
            "Grazie per il messaggio. Certo, qual è la tua domanda?",
            "Grazie per avermi scritto. Che cosa vorresti chiedermi?",
        ),
        "nl": (
            "Bedankt voor je bericht. Natuurlijk, wat is je vraag?",
            "Bedankt dat je contact opneemt. Wat wil je me vragen?",
        ),
    },
    "proposal": {
        "en": (
            "Thanks for reaching out. Could you share a few details about what you are proposing?",
            "Thanks for the message. What exactly do you have in mind, and how would it work?",
        ),
        "es": (
            "Gracias por escribirme. ¿Podrías compartir algunos detalles sobre lo que propones?",
            "Gracias por el mensaje. ¿Qué tienes en mente exactamente y cómo funcionaría?",
        ),
        "fr": (
            "Merci pour votre message. Pourriez-vous me donner quelques détails sur ce que vous proposez ?",
            "Merci de m'avoir écrit. Qu'avez-vous en tête exactement, et comment cela fonctionnerait-il ?",
        ),
        "de": (
            "Danke für Ihre Nachricht. Könnten Sie mir ein paar Einzelheiten zu Ihrem Vorschlag nennen?",
            "Danke, dass Sie sich melden. Was genau schwebt Ihnen vor, und wie würde das ablaufen?",
        ),
        "pt": (
            "Obrigado pela mensagem. Pode compartilhar alguns detalhes sobre o que você está propondo?",
            "Agradeço o contato. O que exatamente você tem em mente e como funcionaria?",
        ),
        "it": (
            "Grazie per il messaggio. Potresti condividere qualche dettaglio su ciò che proponi?",
            "Grazie per avermi scritto. Che cosa hai in mente esattamente e come funzionerebbe?",
        ),
        "nl": (
            "Bedankt voor je bericht. Kun je wat details delen over wat je voorstelt?",
            "Bedankt dat je contact opneemt. Wat heb je precies in gedachten en hoe zou het werken?",
        ),
    },
}
# Replies to a sender who writes formally ("Sehr geehrte Frau …, könnten Sie", "je vous
# confirme"): the phrasings above say du and tu, as friends write. Only names the occasion
# reader finds by its own patterns; every occasion has one phrasing without a slot.
FORMAL_OCCASION_PHRASES: dict[str, dict[str, Phrasings]] = {
    "de": {
        o.BIRTHDAY: (
            "Vielen Dank für Ihre Geburtstagsglückwünsche, das hat mich sehr gefreut.",
            "Herzlichen Dank, dass Sie an meinen Geburtstag gedacht haben.",
        ),
        o.WORK_ANNIVERSARY: (
            "Vielen Dank für Ihre Glückwünsche zum Jubiläum, die Zeit vergeht schnell.",
            "Herzlichen Dank, dass Sie an das Jubiläum gedacht haben.",
        ),
        o.CONDOLENCE: (
            "Vielen Dank für Ihre Worte. Das bedeutet mir gerade sehr viel.",
            "Herzlichen Dank, dass Sie an mich denken und mir geschrieben haben.",
        ),
        o.SENDER_LOSS: (
            "Das tut mir sehr leid. Mein aufrichtiges Beileid Ihnen und Ihrer Familie.",
            "Mein herzliches Beileid. Nehmen Sie sich alle Zeit, die Sie brauchen.",
        ),
        o.CONGRATULATED: (
            "Vielen Dank für Ihre freundlichen Worte zu {news}, das freut mich sehr.",
            "Vielen Dank für Ihre freundlichen Worte, das freut mich sehr.",
        ),
        o.FAMILY_NEWS: (
            "Herzlichen Glückwunsch, was für schöne Neuigkeiten! Alles Gute für Sie.",
            "Wie schön, herzlichen Glückwunsch und alles Gute!",
        ),
        o.NEW_JOB: (
            "Herzlichen Glückwunsch zu {news}, das ist wohlverdient.",
            "Herzlichen Glückwunsch zur neuen Stelle, das sind großartige Neuigkeiten.",
        ),
        o.THANKS: (
            "Sehr gern, und vielen Dank für Ihre Nachricht zu {thing}. Schön, dass es geholfen hat.",
            "Sehr gern, es freut mich, dass es Ihnen geholfen hat.",
        ),
        o.INTRODUCTION: (
            "Vielen Dank für Ihre Nachricht, und danke an {contact} für die Vermittlung.",
            "Vielen Dank für Ihre Nachricht, das freut mich sehr.",
        ),
        o.EVENT_FOLLOW_UP: (
            "Es hat mich gefreut, Sie bei {event} kennenzulernen.",
            "Vielen Dank für Ihre Nachricht, das Gespräch hat mir gefallen.",
        ),
        o.INVITATION: (
            "Vielen Dank für Ihre Einladung, es freut mich, dass Sie an mich gedacht haben. Ich schaue in meinen Kalender und denke darüber nach, bevor ich antworte.",
            "Vielen Dank für die Einladung. Ich prüfe meine Pläne für diese Zeit und melde mich dann bei Ihnen.",
        ),
        o.RECRUITER: (
            "Danke, dass Sie bei der Position {role} an mich gedacht haben. Ich denke darüber nach und melde mich.",
            "Danke, dass Sie bei dieser Position an mich gedacht haben. Ich denke darüber nach und melde mich.",
        ),
        o.REFERRAL_OFFER: (
            "Vielen Dank für Ihr Angebot und dass Sie an mich gedacht haben. Ich denke darüber nach und melde mich.",
            "Danke, dass Sie an mich gedacht haben. Ich denke darüber nach und melde mich bei Ihnen.",
        ),
        o.SCHEDULING: ("Vielen Dank, notiert: {day}.", "Vielen Dank, notiert."),
        o.CATCH_UP: (
            "Wie schön, von Ihnen zu hören, es ist lange her!",
            "Was für eine schöne Überraschung, vielen Dank für Ihre Nachricht.",
        ),
        o.QUESTION: (
            "Vielen Dank für Ihre Nachricht.",
            "Schön, von Ihnen zu hören, und vielen Dank für Ihre Nachricht.",
        ),
        o.GENERAL: (
            "Vielen Dank für Ihre Nachricht, das freut mich sehr.",
            "Schön, von Ihnen zu hören, und vielen Dank für Ihre Nachricht.",
        ),
    },
    "fr": {
        o.BIRTHDAY: (
            "Merci beaucoup pour vos vœux d'anniversaire, cela m'a fait très plaisir.",
            "Merci d'avoir pensé à mon anniversaire, cela me touche beaucoup.",
        ),
        o.WORK_ANNIVERSARY: (
            "Merci pour votre message d'anniversaire, le temps passe vite.",
            "Merci d'avoir pensé à cet anniversaire, c'est très aimable.",
        ),
        o.CONDOLENCE: (
            "Merci pour votre message. Cela me touche beaucoup en ce moment.",
            "Merci d'avoir pensé à moi et de m'avoir écrit ; cela compte beaucoup.",
        ),
        o.SENDER_LOSS: (
            "Je suis profondément désolé pour votre perte. Je pense bien à vous et à votre famille.",
            "Toutes mes condoléances. Prenez tout le temps qu'il vous faut.",
        ),
        o.CONGRATULATED: (
            "Merci beaucoup pour vos aimables mots sur {news}, cela me touche.",
            "Merci beaucoup pour vos aimables mots, cela me touche.",
        ),
        o.FAMILY_NEWS: (
            "Félicitations, quelle merveilleuse nouvelle ! Tous mes vœux de bonheur.",
            "Quelle belle nouvelle, toutes mes félicitations !",
        ),
        o.NEW_JOB: (
            "Félicitations pour {news}, c'est bien mérité.",
            "Félicitations pour votre nouveau poste, c'est une excellente nouvelle.",
        ),
        o.THANKS: (
            "Avec plaisir, ravi que cela vous ait été utile.",
            "Ravi que cela vous ait aidé, merci de me l'avoir dit.",
        ),
        o.INTRODUCTION: (
            "Merci pour votre message, et merci à {contact} pour la mise en relation.",
            "Merci pour votre message, cela me fait plaisir.",
        ),
        o.EVENT_FOLLOW_UP: (
            "C'était un plaisir de faire votre connaissance à {event}.",
            "Merci pour votre message, j'ai apprécié notre échange.",
        ),
        o.INVITATION: (
            "Merci beaucoup pour votre invitation, je suis touché que vous ayez pensé à moi. Laissez-moi regarder mon agenda et y réfléchir avant de vous répondre.",
            "Merci beaucoup pour l'invitation. Je regarde mon planning avant de vous répondre.",
        ),
        o.RECRUITER: (
            "Merci d'avoir pensé à moi pour le poste de {role}. Laissez-moi y réfléchir et je reviens vers vous.",
            "Merci d'avoir pensé à moi pour ce poste. Laissez-moi y réfléchir et je reviens vers vous.",
        ),
        o.REFERRAL_OFFER: (
            "C'est aimable à vous d'avoir pensé à moi, merci pour la proposition. Laissez-moi y réfléchir et je reviens vers vous.",
            "Merci pour votre proposition. Laissez-moi y réfléchir et je reviens vers vous.",
        ),
        o.SCHEDULING: ("Merci, c'est noté : {day}.", "Merci, c'est noté."),
        o.CATCH_UP: (
            "Quel plaisir d'avoir de vos nouvelles, cela faisait longtemps !",
            "Quelle bonne surprise, merci pour votre message.",
        ),
        o.QUESTION: (
            "Merci pour votre message.",
            "Merci pour votre message, cela me fait plaisir d'avoir de vos nouvelles.",
        ),
        o.GENERAL: (
            "Merci pour votre message, cela fait plaisir d'avoir de vos nouvelles.",
            "Merci beaucoup pour votre message.",
        ),
    },
}
# To a sender who writes formally: the whole name, whose title the export does not give.
FORMAL_GREETINGS: dict[str, str] = {"de": "Guten Tag {name},", "fr": "Bonjour {name},"}
FORMAL_ANSWER_LATER: dict[str, Phrasings] = {
    "de": ("Ich sehe mir Ihre Frage in Ruhe an und melde mich dann bei Ihnen.",),
    "fr": ("Laissez-moi regarder votre question et je vous réponds dès que possible.",),
}
OCCASION_PHRASES: dict[str, dict[str, Phrasings]] = {
    "en": EN, "es": ES, "fr": FR, "de": DE, "pt": PT, "it": IT, "nl": NL,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Frame:
    """What surrounds a draft's body in one language: greeting, closing, no-reply notes."""

    greet: str  # with {name}
    greet_anonymous: str
    sign: str
    no_reply_scam: str
    no_reply_sponsored: str
    # For a message in a language the phrasebook lacks; {language} is its name.
    untemplated: str


FRAMES: dict[str, Frame] = {
    "en": Frame(
        greet="Hi {name},",
        greet_anonymous="Hi,",
        sign="Best,",
        no_reply_scam="(No reply suggested: this looks like a scam or phishing attempt. Report or archive it.)",
        no_reply_sponsored="(No reply suggested: this is a sponsored message. Archive it.)",
        untemplated="(No draft: this message is in {language}, which the offline drafts are not written in. Reply in {language} yourself, or use an LLM backend.)",
    ),
    "es": Frame(
        greet="Hola {name},",
        greet_anonymous="Hola,",
        sign="Saludos,",
        no_reply_scam="(Sin respuesta sugerida: parece una estafa o un intento de phishing. Denúncialo o archívalo.)",
        no_reply_sponsored="(Sin respuesta sugerida: es un mensaje patrocinado. Archívalo.)",
        untemplated="(Sin borrador: este mensaje está en {language}, un idioma en el que no se escriben los borradores sin conexión. Responde tú en {language} o usa un LLM.)",
    ),
    "fr": Frame(
        greet="Bonjour {name},",
        greet_anonymous="Bonjour,",
        sign="Cordialement,",
        no_reply_scam="(Aucune réponse suggérée : cela ressemble à une arnaque ou à du hameçonnage. Signalez-le ou archivez-le.)",
        no_reply_sponsored="(Aucune réponse suggérée : c'est un message sponsorisé. Archivez-le.)",
        untemplated="(Pas de brouillon : ce message est en {language}, une langue dans laquelle les brouillons hors ligne ne sont pas rédigés. Répondez vous-même en {language} ou utilisez un LLM.)",
    ),
    "de": Frame(
        greet="Hallo {name},",
        greet_anonymous="Hallo,",
        sign="Viele Grüße",
        no_reply_scam="(Keine Antwort empfohlen: Das sieht nach Betrug oder Phishing aus. Melden oder archivieren Sie die Nachricht.)",
        no_reply_sponsored="(Keine Antwort empfohlen: Das ist eine gesponserte Nachricht. Archivieren Sie sie.)",
        untemplated="(Kein Entwurf: Diese Nachricht ist auf {language}, in dieser Sprache schreiben die Offline-Entwürfe nicht. Antworten Sie selbst auf {language} oder nutzen Sie ein LLM.)",
    ),
    "pt": Frame(
        greet="Olá {name},",
        greet_anonymous="Olá,",
        sign="Abraço,",
        no_reply_scam="(Nenhuma resposta sugerida: parece golpe ou phishing. Denuncie ou arquive.)",
        no_reply_sponsored="(Nenhuma resposta sugerida: é uma mensagem patrocinada. Arquive.)",
        untemplated="(Sem rascunho: esta mensagem está em {language}, idioma em que os rascunhos offline não são escritos. Responda você mesmo em {language} ou use um LLM.)",
    ),
    "it": Frame(
        greet="Ciao {name},",
        greet_anonymous="Buongiorno,",
        sign="Un saluto,",
        no_reply_scam="(Nessuna risposta suggerita: sembra una truffa o un tentativo di phishing. Segnalalo o archivialo.)",
        no_reply_sponsored="(Nessuna risposta suggerita: è un messaggio sponsorizzato. Archivialo.)",
        untemplated="(Nessuna bozza: questo messaggio è in {language}, lingua in cui le bozze offline non sono scritte. Rispondi tu in {language} o usa un LLM.)",
    ),
    "nl": Frame(
        greet="Hoi {name},",
        greet_anonymous="Hallo,",
        sign="Groeten,",
        no_reply_scam="(Geen antwoord voorgesteld: dit lijkt op oplichting of phishing. Meld of archiveer het.)",
        no_reply_sponsored="(Geen antwoord voorgesteld: dit is een gesponsord bericht. Archiveer het.)",
        untemplated="(Geen concept: dit bericht is in het {language}, een taal waarin de offline concepten niet worden geschreven. Antwoord zelf in het {language} of gebruik een LLM.)",
    ),
}
