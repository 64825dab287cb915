"""Seed 002 (a Spanish management response matrix, extracted from a Word document) as the
cells of its tables, transcribed verbatim from /work/shared/seeds/002_58bd593c7a270f5e.txt:
stray spaces, blank lines, "4.3." numbering and all. The office tests build Word and
Excel files from these cells and import them."""

# ruff: noqa: RUF001 - the seed's own dashes and accents, verbatim

from __future__ import annotations

HEADING = ('EVALUACIÓN DE MEDIO TÉRMINO DEL PROYECTO REGIONAL “FORTALECIMIENTO DEL ROL DE LA '
           'OIM COMO COORDINADORA DE LA RED DE NACIONES UNIDAS SOBRE MIGRACIÓN EN AMÉRICA DEL '
           'SUR”')
SUBHEADING = "Matriz de respuesta gerencial "
HEADER_ROWS = (
    ("Título de la evaluación y año:",
     ('“Fortalecimiento del rol de la OIM como coordinadora de la Red de Naciones Unidas '
      'sobre Migración en América Del Sur” – 2022')),
    ("Persona responsable por completar la matriz de seguimiento:",
     "Ezequiel Texidó, Project Manager"),
    ("Comentarios generales sobre el proceso de evaluación:",
     ('Mediante el proceso de evaluación del proyecto, se pudo concluir que se lograron '
      'alcanzar gran parte de los resultados esperados. Esto fue explicado por diversos '
      'factores, entre ellos se pudo identificar como los principales: las capacidades '
      'técnicas del equipo de la ROBA, la coordinación sostenida y el monitoreo de '
      'actividades implementado por el equipo del Proyecto, y el nivel de involucramiento de '
      'las jefaturas de misión con las acciones promovidas vinculadas al PMM. A continuación, '
      'se detallan las principales recomendaciones:')),
)

# Per recommendation: its number, text, addressee cell, priority cell, the margin comment
# anchored on the priority cell (author, text), the decision label, and the action rows
# (action, deadline, responsible) whose Comentarios and Estado cells are all empty.
RECOMMENDATIONS = [
    {
        "number": '1',
        "text": ('Realizar una identificación de necesidades en la que se consulte '
                 'directamente a las potenciales partes beneficiarias, podría potenciar el '
                 'diseño de la estrategia. Esto se podría lograr a través de la incorporación '
                 'de un estudio de evaluación de necesidades en el que se identifique de '
                 'manera formal y sistematizada la naturaleza, el alcance y las causas de '
                 'estas, en una etapa previa a la formulación y diseño del proyecto. \n\n'),
        "addressed": 'Equipo Desarrollador del Proyecto \n',
        "priority": 'Nivel de prioridad (1 a 3): 2',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('1.1 Realizar un relevamiento de información con Puntos Focales PMM que permita '
              'identificar las necesidades y desafíos de las Oficinas País en materia de '
              'implementación del Pacto Mundial y así nutrir un próximo proyecto regional '
              'vinculado a dicha temática. \n\n'),
             'Noviembre 2022 ',
             ('Oficial Regional de Políticas y de Enlace y el PSU\n\nAcompañan: Puntos '
              'Focales PMM de cada misión.  ')),
        ],
    },
    {
        "number": '2',
        "text": ('Preservar la práctica de incorporar los enfoques de derechos y género de '
                 'manera transversal y explícita, tanto en el diseño como implementación de '
                 'actividades. Documentar y visibilizar las prácticas realizadas en el '
                 'proyecto, podría incidir en que estas puedan ser replicadas.  \n\n'),
        "addressed": 'Unidad de Implementación \n',
        "priority": 'Nivel de prioridad (1 a 3): 2',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('2.1 Identificar una Buena Práctica con enfoque de derechos y una segunda con '
              'enfoque de género en materia de implementación del Pacto Mundial.  '),
             'Noviembre 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\nAcompañan: Oficial Regional de Gestión de Conocimientos y PFs PMM de '
              'América del Sur. ')),
        ],
    },
    {
        "number": '3',
        "text": (' Fortalecer la incorporación de actividades y acciones orientadas a '
                 'visibilizar el enfoque de niñez y adolescencia de manera explícita. Se '
                 'sugiere identificar buenas prácticas en esta materia y dar visibilidad a '
                 'las mismas entre actores de Sociedad Civil, Sistema de Naciones Unidas y '
                 'Gobierno, especialmente entre aquellos con especial foco en niñez y '
                 'adolescencia, facilitando así también espacios de intercambio que '
                 'viabilicen su implementación. Entre acciones potenciales identificadas '
                 'desde el equipo evaluador para que contribuyan a esto se encuentran: la '
                 'generación de contenidos informativos y comunicacionales de defensa de los '
                 'derechos de niños, niñas y adolescentes (NNA) migrantes y buenas prácticas, '
                 'la promoción de espacios de encuentro entre representantes de diversas '
                 'instancias como mesas de diálogo cuya temática esté centrada en este grupo '
                 'poblacional vulnerable, el financiamiento de estudios que realicen un '
                 'diagnóstico de la situación de NNA migrantes en la región, entre los '
                 'principales.\n\n'),
        "addressed": '· Equipo Desarrollador del Proyecto \n· Unidad de Implementación \n',
        "priority": 'Nivel de prioridad (1 a 3): 1',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('3.1 En el marco del Plan de Trabajo de la Red Regional de Naciones Unidas '
              'sobre Migraciones 2023-24, prever el desarrollo de  un comunicados de '
              'Posicionamiento de la Red Regional con enfoque de niñez migrante para el  11 '
              'de octubre (Dia Internacional de la Niña), donde se resalte la importancia de '
              'transversalizar la perspectiva infantil en la implementación, seguimiento y '
              'revisión del PMM, junto con UNICEF (en calidad de Agencia líder), y con el '
              'apoyo de todas las Agencias, Fondos y Programas de la Red. \n \n'),
             'Octubre 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\nAcompaña: Lidera PF UNICEF y acompaña la Red Regional. ')),
            (('3.2 identificación de una Buena Práctica con perspectiva infantil y generar un '
              'material de comunicación donde se comunique y se promueva la inclusión de la '
              'temática de niñez en la aplicación, seguimiento, y revisión del PMM en América '
              'del Sur. \n\n'),
             'Noviembre 2023\n',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompaña: Red Regional, en particular la UNICEF')),
            (('3.3 Promover un punto de agenda sobre Buenas prácticas con perspectiva '
              'infantil en el próximo congreso del FEM/Mercosur y diseminar un material de '
              'comunicación en la materia durante dicho evento.'),
             'Noviembre 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\nAcompaña: Secretaría del FEM y Oficial Regional de Gestión de '
              'Conocimientos.  ')),
        ],
    },
    {
        "number": '4',
        "text": ('Continuar fortaleciendo los mecanismos y procesos de coordinación dirigidos '
                 'desde la OIM con el fin de sostener los logros alcanzados por el proyecto, '
                 'así como escalarlos mediante esfuerzos orientados a promover una mayor '
                 'participación interagencial, gubernamental y de Sociedad Civil. Esto se '
                 'podría lograr en cada componente mediante:\n\nA nivel regional, visibilizar '
                 'los logros alcanzados en relación con la participación de diversos actores, '
                 'así como sus aportes podría tener incidencia sobre el nivel de compromiso '
                 'de los ya participantes, y a la vez promover la incorporación e '
                 'involucramiento de otros en la promoción del PMM. A nivel nacional, '
                 'reforzar la participación y compromiso interagencial y multiactoral, '
                 'mediante campañas de sensibilización sobre el valor del PMM y la '
                 'apropiación de su contenido. Además, incidir en los espacios de '
                 'coordinación de los miembros de la Red a nivel regional, sobre la '
                 'importancia de su apoyo en la comunicación y promoción de la participación '
                 'de sus representantes a nivel de las Redes Nacionales. \n\nCon relación a '
                 'la participación interagencial, es fundamental poder lograr un mayor  '
                 'involucramiento  de las Oficinas del Coordinador Residente para garantizar '
                 'que las coordinaciones y articulaciones interagenciales se realicen de '
                 'manera eficiente. De forma complementaria a ello, resulta necesario incluir '
                 'a los altos rangos de la OIM y demás agencias para aclarar y generar '
                 'lineamientos sobre la importancia de la articulación de las Redes, se '
                 'vuelve relevante a nivel de las mismas Oficinas País de la OIM, poder '
                 'garantizar el empoderamiento de los Puntos Focales y ampliar el alcance y '
                 'relevancia del proyecto dentro de cada misión. En el caso de la '
                 'participación de gobiernos, articular relaciones establecidas por los demás '
                 'ejes de las Oficinas País que trabajan más estrechamente con las '
                 'contrapartes de gobierno, podría ser aprovechado para dar mayor visibilidad '
                 'a los Puntos Focales del PMM. \n\n'),
        "addressed": 'Unidad de Implementación\n\n',
        "priority": 'Nivel de prioridad (1 a 3): 2',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('4.1 A nivel regional, organización del Conversatorio multiactoral '
              '(gobierno-Mecanismo de SC) en el mes de marzo de 2023. \n'),
             'Marzo 2023 ',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: Red Regional, GT-SC, Mecanismo de SC, y PFs-OIM PMM. ')),
            (('4.2 Creación de un producto de conocimiento (una hoja informativa o un video '
              'orientativo con alcance regional) donde se ponga en evidencia la '
              'complementariedad y los mecanismos de sinergia de las Redes Nacionales vis a '
              'vis espacios de cooperación NNUU ya existentes a nivel nacional, los distintos '
              'logros y resultados alcanzados, sus actividades, entre otros elementos de '
              'interés. \n'),
             'Abril 2023 ',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: Fs-OIM PMM.')),
            (('\n4.3. Organizar una reunión de coordinación entre la Red Regional ALC y las '
              'Redes Nacionales de cara a la próxima revisión regional del PMM 2024, en la '
              'que se asegure una participación efectiva de los OCR de cada OP.'),
             '\nJunio 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: Red Regional, OR SJ, PFs-OIM PMM, Jefaturas de misión y '
              'OCRs. ')),
        ],
    },
    {
        "number": '5',
        "text": ('Desarrollar continuamente, como se ha evidenciado a lo largo del proyecto, '
                 'acciones de seguimiento desde el equipo del proyecto, a través de reuniones '
                 'periódicas con las partes beneficiarias o el diligenciamiento frecuente a '
                 'través de una matriz de seguimiento. Orientadas a la identificación de '
                 'necesidades de apoyo y contextos de intervención que requieran adaptaciones '
                 'en la implementación de las actividades y acciones. \n\n'),
        "addressed": ('Unidad de Implementación y Apoyo de Proyectos Regionales y Unidad de '
                      'Implementación \n'),
        "priority": 'Nivel de prioridad (1 a 3): 2',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('5.1 Seguir alimentando y consolidando la Matriz de Seguimiento de las Redes '
              'Nacionales en América del Sur (ver aquí), en base a las reuniones bilaterales '
              'semanales celebradas con cada Punto Focal de cada misión y las reuniones '
              'mensuales de Comunidad de Practica. \n'),
             'Noviembre 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: PFs PMM en cada misión.')),
            (('5.2. Socializar nuevamente la herramienta de seguimiento y de evaluación de '
              'necesidades con PFS-OIM PMM y solicitar insumos sobre cómo mejorar y potenciar '
              'su alcance e impacto.  \n\n\n\n\n'),
             'Abril 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: PFs PMM en cada misión.')),
        ],
    },
    {
        "number": '6',
        "text": ('Se recomienda diseñar acciones que puedan responder y reducir el impacto de '
                 'los factores externos identificados como relevantes sobre el nivel de '
                 'desarrollo de actividades relacionadas a la promoción, implementación y '
                 'revisión del PMM en las Oficinas País. La generación de más espacios '
                 'bilaterales de asistencia entre la ROBA y los Puntos Focales para responder '
                 'a consultas particulares según los diversos contextos políticos y sociales, '
                 'así como reforzar a nivel de jefaturas de misión la importancia y prioridad '
                 'del trabajo realizado desde los Puntos Focales para la promoción, '
                 'implementación y revisión del PMM de manera efectiva. \n\n'),
        "addressed": 'Unidad de implementación\n\n',
        "priority": 'Nivel de prioridad (1 a 3): 1',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('6.1 Organizar mínimo dos reuniones de alcance regional con las Jefaturas de '
              'las misiones con el objetivo de reforzar a un nivel político la '
              'implementación, seguimiento y revisión del PMM, en conjunto con el nivel '
              'técnico ya asegurado por los PFs PMM de cada misión. '),
             'Noviembre 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: JdM y PFs PMM en cada misión. ')),
            ('6.2. Crear una matriz de riesgos destinada a la Unidad de Políticas y de Enlace. ',
             'Noviembre 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompaña: PSU. ')),
        ],
    },
    {
        "number": '7',
        "text": ('Seguir reforzando las acciones de comunicación y articulación interagencial '
                 'para evitar preconcepciones sobre duplicidad de esfuerzos o espacios de '
                 'trabajo. Se identifica la necesidad de incidir desde instancias superiores '
                 'de la OIM a nivel regional y nacional en un proceso de refuerzo de '
                 'articulación con sus respectivas contrapartes del SNU. Además, promover la '
                 'generación espacios informativos a nivel nacional entre las agencias '
                 'miembros de la Red de manera más frecuente, sobre el funcionamiento de las '
                 'Redes Nacionales. \n\n'),
        "addressed": 'Unidad de Implementación\n\n',
        "priority": 'Nivel de prioridad (1 a 3): 1',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('7.1 De cara a la próxima Revisión Regional del PMM 2024 en América Latina y el '
              'Caribe, organizar un encuentro de preparación que aseguren la participación de '
              'JdM de la OIM y de otras AFPs miembros, y sus respectivas OCR, garantizando el '
              'involucramiento de altos rangos del SNU y un apoyo eficaz, oportuno y '
              'coordinado de todo el sistema a los Estados Miembros.  '),
             'Septiembre 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: JdM y PFs PMM en cada misión, ROSJ, Red Regional y '
              'Redes Nacionales, y Secretaría de la Red Global. ')),
        ],
    },
    {
        "number": '8',
        "text": ('Circular continuamente material informativo generado para actualizar a '
                 'nuevas personas que se incorporen en instancias involucradas en los '
                 'esfuerzos ya iniciados desde las OP. Ello con el objetivo de cubrir '
                 'aquellas brechas de información y capacitación que puedan generarse por '
                 'parte de ingresos de nuevos PF en las contrapartes. Como acción de '
                 'refuerzo, desarrollar una sistematización de información relacionada al '
                 'funcionamiento de la Red Nacional dentro de cada OP, que sea actualizada '
                 'frecuentemente para que dicha información pueda ser compartida con personas '
                 'recién integradas. \n\n'),
        "addressed": '- Unidad de Implementación\n- Puntos Focales \n\n',
        "priority": 'Nivel de prioridad (1 a 3): 1',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('8.1 Actualizar e implementar un nuevo Plan de Comunicación 2023-24 ALC '
              'alineado con las nuevas prioridades y desafíos emergentes en materia de '
              'aplicación del PMM a nivel regional, integrados en el Plan de trabajo de la '
              'Red Regional ALC. '),
             'Julio 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\nAcompañan: RO SJ, Red Regional, PFs PMM de cada misión y la Unidad '
              'de Comunicación de OR BA y OR SJ.')),
            (('8.2 Continuar nutriendo y consolidando nuevos materiales y recursos '
              'informativos y de orientación en la Comunidad de Prácticas en América del Sur '
              'mediante el SharePoint OIM América del Sur, carpeta Naciones Unidas y Pacto '
              'Mundial.'),
             'Mayo 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\nAcompañan: PFs OIM PMM. ')),
        ],
    },
    {
        "number": '9',
        "text": ('Si bien los puntos focales argumentan hacer uso de las herramientas, se '
                 'sugiere establecer mecanismos de monitoreo constante en el uso y aplicación '
                 'de las herramientas generadas y difundidas desde la ROBA, con el propósito '
                 'de contar con información permanente que valide y sustente la utilidad de '
                 'estas. Entre los mecanismos sugeridos se encuentra el registro de descargas '
                 'o visualizaciones. \n\n'),
        "addressed": 'Unidad de implementación\n\n',
        "priority": 'Nivel de prioridad (1 a 3): 3',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('9.1 En el marco de las Reuniones de Seguimiento de las Redes Nacionales con '
              'PFs PMM de cada misión, crear un espacio para dedicar a la gestión de '
              'conocimientos. \n\n'),
             'Junio 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: PFs PMM de cada misión')),
            (('9.2 Organizar un encuentro regional con PFS OIM PMM y Redes Nacionales sobre '
              'gestión de conocimientos, repositorio de BPs, etc, vinculado al PMM en '
              'coordinación con el Migration Network Hub y la Unidad de Gestión de '
              'conocimientos de la Oficina Regional para América del Sur.  '),
             'Mayo 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: PFs PMM de cada misión, Migration Network Hub, y KM OR '
              'BA. ')),
        ],
    },
    {
        "number": '10',
        "text": ('\nFortalecer la vinculación alcanzada durante la etapa preparatoria hacia '
                 'el FEMI entre la ROBA y la Secretaría de la Red de las Naciones Unidas en '
                 'comparación con la etapa previa, con el fin de que no se limite a periodos '
                 'particulares que requieren acciones de coordinación conjunta. Se recomienda '
                 'incorporar con más frecuencia espacios de diálogo o mecanismos de '
                 'coordinación como reuniones bilaterales, que promuevan el intercambio de '
                 'información y una comunicación más directa y fluida, ya que ello podría '
                 'impactar directamente sobre la eficiencia de los procesos de coordinación '
                 'en proyectos de naturaleza similar. \n\n'),
        "addressed": 'Project Manager \n\n',
        "priority": 'Nivel de prioridad (1 a 3): 2',
        "comment": ('Daniel Mateo MERCHAN GUERRERO',
                    ('La forma de trabajar de la Secretaria no se articula directamente con '
                     'las Oficinas Regionales. El seguimiento lo lleva directamente ICP/GCMU '
                     '- OIM, y lo traslada a todas las Oficinas. Para ello, ya se tienen '
                     'previstas reuniones mensuales de coordinación interna sobre el PMM a '
                     'nivel mundial.')),
        "decision_label": 'Respuesta gerencial a la recomendación (aceptar/rechazar)',
        "actions": [
            (('10.1 Organizar una reunión trimestral con la Secretaría de la UNNM para '
              'informar sobre avances a nivel regional y nacional e intercambiar sobre '
              'próximos pasos en materia de implementación del PMM. \n'),
             'Noviembre 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\n\nAcompañan: Secretaria de la Red y OR SJ.')),
        ],
    },
    {
        "number": '11',
        "text": ('Seguir reforzando continuamente el nivel de articulación regional alcanzado '
                 'en la etapa preparatoria al FEMI con los miembros de la Red, por medio del '
                 'involucramiento activo en los procesos de organización de diversas '
                 'actividades vinculadas a la aplicación, seguimiento y examen del PMM. Así '
                 'como la aplicación efectiva del Plan de Trabajo Regional, con el objetivo '
                 'de movilizar a las AFP´s de la Red. Además, se recomienda implementar '
                 'espacios de encuentro entre representantes de las agencias para garantizar '
                 'el mismo nivel de compromiso a nivel regional que nacional.\n\n'),
        "addressed": 'Unidad de Implementación\n\n',
        "priority": 'Nivel de prioridad (1 a 3): 2',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('11.1 A nivel regional, realizar un ejercicio de monitoreo y de rendición de '
              'cuentas del Plan de Trabajo de la Red Regional sobre Migraciones 2023-24. '),
             'Junio 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\nAcompañan: RO SJ, CEPAL, en calidad de co-chair, y las AFPs de la '
              'Red Regional. ')),
        ],
    },
    {
        "number": '12',
        "text": ('Promover acciones de refuerzo al Mecanismo de Sociedad Civil, mediante la '
                 'promoción de más actividades con frecuencia periódica centradas en la '
                 'promoción del PMM, con el objetivo de garantizar una participación activa a '
                 'nivel regional en la temática migratoria y no solo limitada a periodos '
                 'particulares. \n\n'),
        "addressed": 'Unidad de Implementación\n\n',
        "priority": 'Nivel de prioridad (1 a 3): 1',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('12.1 Organización del Conversatorio Multiactoral (gobierno-Mecanismo de SC) en '
              'el mes de marzo de 2023. \n\n'),
             'Marzo 2023',
             ('Oficial Regional de Políticas y de Enlace y Oficial Regional de '
              'Datos.\n\nAcompañan: RO SJ, CEPAL, en calidad de co-chair, el GT-SC, y las '
              'AFPs de la Red Regional.\n')),
            (('12.2 Organizar dos encuentros multiactorales y solo con sociedad civil para '
              'discutir sobre las buenas prácticas sistematizadas.  '),
             'Noviembre 2023.',
             'Oficial Regional de Políticas y de Enlace y Oficial Regional de Datos.\n\n'),
        ],
    },
    {
        "number": '13',
        "text": ('Promover la generación de estrategias orientadas a la socialización de '
                 'contenidos generados y conocimientos adquiridos por los PF hacia el '
                 'personal de las OP, con el objetivo de capacitarlos sobre aspectos '
                 'relacionados al PMM y su posterior aplicación en los diversos proyectos en '
                 'los que se involucren. Asimismo, incidir en la importancia del nivel de '
                 'involucramiento logrado con jefaturas de misión para lograr potenciar los '
                 'esfuerzos realizados por los PF.\n\n'),
        "addressed": '· Unidad de Implementación\n· Puntos Focales\n\n',
        "priority": 'Nivel de prioridad (1 a 3): 1',
        "comment": None,
        "decision_label": ('Respuesta gerencial a la recomendación (aceptar/aceptar '
                            'parcialmente/rechazar)'),
        "actions": [
            (('13.1 Organizar una capacitación anual sobre el LGF destinada a Oficinas país '
              'sobre el PMM.'),
             'Junio 2023',
             'PSU \n\n\nAcompañan: Unidad de Política y Enlace\n '),
        ],
    },
]
